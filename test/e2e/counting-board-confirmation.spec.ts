import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { DEMO_CODES, type DemoIds, meetingSteps, meetingWithEveryUnitPresent } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate, SECRETARIAT } from '../utils/signed-in';

/**
 * Issue #12 §2, "a secretariat member can decide a paper poll alone", performed through HTTP: he
 * makes two accounts, appoints them as the counting board, enters the same invented sheet twice,
 * signs as both and certifies. Each step is refused; the database refuses the same when the API
 * is bypassed; the board the meeting confirms — delegates of distinct present units, none of a
 * candidate's — counts, signs and certifies.
 */
describe('the counting board is proposed by the chair and confirmed by the meeting', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let pollId: string;
  const keys: Record<string, TestSigner> = {};
  const mallory: { email: string; id: string; token: string }[] = [];
  const A = delegate('lang-son');
  const B = delegate('lao-cai');
  const PASSWORD = 'Kiem-phieu-gia-2011!x';
  const SHEET = { 'option:0': 5, 'option:1': 2, blank: 0, invalid: 0, ballots_issued: 7, ballots_received: 7 };
  const auth = async (email: string) =>
    mallory.find((m) => m.email === email)?.token ?? (await t.bearer(email)).slice('Bearer '.length);

  const enter = async (email: string, figures: Record<string, number> = SHEET) =>
    t.http
      .post(`${API}/polls/${pollId}/paper-entries`)
      .set({ Authorization: `Bearer ${await auth(email)}` })
      .send({ lines: Object.entries(figures).map(([line, count]) => ({ line, count })) });
  const signRecord = async (email: string) => {
    const headers = { Authorization: `Bearer ${await auth(email)}` };
    const record = await t.http.get(`${API}/polls/${pollId}/counting-record`).set(headers);
    return t.http
      .post(`${API}/polls/${pollId}/counting-record/signatures`)
      .set(headers)
      .send({
        digest: record.body.digest,
        signingKeyId: keys[email].keyId,
        signature: keys[email].sign(record.body.canonical),
      });
  };
  const proposeIds = async (memberIds: string[]) =>
    t.http
      .put(`${API}/polls/${pollId}/counting-board`)
      .set(await s.as(SECRETARIAT))
      .send({ memberIds });

  beforeAll(async () => {
    t = await createTestApp();
    ({ ids, s, meetingId } = await meetingWithEveryUnitPresent(t));
    const created = await s.createPoll(meetingId, {
      kind: 'leader_election',
      title: 'Bầu cụm trưởng năm 2012 (phiếu giấy)',
      method: 'paper',
      candidateUnitIds: [ids.unitIds['son-la'], ids.unitIds['lai-chau']],
    });
    expect(created.status).toBe(201);
    pollId = created.body.id;
    // Two accounts with no mandate, as the insider would make them (whoever may create accounts).
    for (const name of ['kiemphieu.a', 'kiemphieu.b']) {
      const email = `${name}@thidua.local`;
      const made = await t.http
        .post(`${API}/users`)
        .set(await s.as('admin@thidua.local'))
        .send({ email, fullName: `Tài khoản ${name}`, password: PASSWORD });
      expect(made.status).toBe(201);
      mallory.push({ email, id: made.body.id, token: (await t.login(email, PASSWORD)).accessToken });
    }
  });
  afterAll(async () => {
    for (const key of Object.values(keys)) key.dispose();
    await t.close();
  });

  it('refuses accounts without a mandate, the secretariat itself, two members of one unit and a candidate’s unit', async () => {
    const noSeat = await proposeIds(mallory.map((m) => m.id));
    expect(problem(noSeat)).toEqual({ status: 422, code: 'counting_board_member_no_seat' });
    expect(noSeat.body.refused.map((r: { userId: string }) => r.userId).sort()).toEqual(
      mallory.map((m) => m.id).sort(),
    );
    expect(problem(await proposeIds([ids.userIds[SECRETARIAT], ids.userIds['thuky2@thidua.local']]))).toEqual({
      status: 422,
      code: 'counting_board_member_no_seat',
    });
    const sameUnit = await s.proposeBoard(pollId, [delegate('cao-bang'), 'chutich.cao-bang@thidua.local']);
    expect(problem(sameUnit)).toEqual({ status: 422, code: 'counting_board_units_not_distinct' });
    expect(sameUnit.body.sharedUnits).toEqual([expect.objectContaining({ unitId: ids.unitIds['cao-bang'] })]);
    const candidate = await s.proposeBoard(pollId, [A, delegate('son-la')]);
    expect(problem(candidate)).toEqual({ status: 422, code: 'counting_board_member_conflict' });
    // A delegate may not propose the board either.
    expect(problem(await s.proposeBoard(pollId, [A, B], delegate('ha-giang')))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect((await s.get(`/polls/${pollId}/counting-board`)).body).toMatchObject({ status: 'none', members: [] });
  });

  it('the database refuses a member without a seat, whoever writes the row', async () => {
    await expect(
      t.dataSource.query(
        `INSERT INTO poll_counting_boards (poll_id, proposal_id, proposed_by) VALUES ($1, gen_random_uuid(), $2)`,
        [pollId, ids.userIds[SECRETARIAT]],
      ),
    ).resolves.toBeDefined();
    await expect(
      t.dataSource.query(
        `INSERT INTO poll_counting_board_members (poll_id, user_id, unit_id, appointed_by) VALUES ($1, $2, $3, $4)`,
        [pollId, mallory[0].id, ids.unitIds['cao-bang'], ids.userIds[SECRETARIAT]],
      ),
    ).rejects.toMatchObject({ constraint: 'ck_poll_counting_board_members_seat' });
    await expect(
      t.dataSource.query(`UPDATE poll_counting_boards SET confirmed_at = now() WHERE poll_id = $1`, [pollId]),
    ).rejects.toMatchObject({ constraint: 'ck_poll_counting_boards_majority' });
  });

  it('the chair proposes; the secretariat cannot confirm it alone, nor a stale proposal be voted on', async () => {
    const proposed = await s.proposeBoard(pollId, [A, B]);
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      confirmedAt: null,
      confirmation: { presentUnits: 7, handsNeeded: 4, handsFor: 0 },
    });
    const proposalId = proposed.body.proposalId as string;
    expect(problem(await s.raiseHand(pollId, 'son-la', 'for', SECRETARIAT))).toEqual({
      status: 403,
      code: 'counting_board_hand_not_present',
    });
    const stale = await t.http
      .post(`${API}/polls/${pollId}/counting-board/hands`)
      .set(await s.as(delegate('son-la')))
      .send({ proposalId: '00000000-0000-4000-8000-000000000000', vote: 'for' });
    expect(problem(stale)).toEqual({ status: 409, code: 'counting_board_proposal_changed' });
    expect(stale.body.proposalId).toBe(proposalId);
  });

  it('before the meeting confirms the board its members may not enter counts (API and database)', async () => {
    await s.step(pollId, 'open');
    for (const code of DEMO_CODES) {
      const handed = await t.http
        .post(`${API}/polls/${pollId}/paper-ballots`)
        .set(await s.as(SECRETARIAT))
        .send({ unitId: ids.unitIds[code] });
      expect(handed.status).toBe(201);
    }
    await s.step(pollId, 'close');
    expect(problem(await enter(A))).toEqual({ status: 409, code: 'counting_board_not_confirmed' });
    await expect(
      t.dataSource.query(
        `INSERT INTO poll_paper_entries (poll_id, entered_by, line, count) VALUES ($1, $2, 'blank', 0)`,
        [pollId, ids.userIds[A]],
      ),
    ).rejects.toMatchObject({ constraint: 'ck_poll_paper_entries_confirmed_board' });
  });

  it('the present delegates raise their hands, one per unit; more than half of the units present confirm it', async () => {
    expect((await s.raiseHand(pollId, 'lao-cai', 'against')).body.hands).toHaveLength(1);
    expect(problem(await s.raiseHand(pollId, 'lao-cai', 'for'))).toEqual({
      status: 409,
      code: 'counting_board_hand_already_raised',
    });
    await s.raiseHand(pollId, 'cao-bang', 'abstain');
    for (const code of ['son-la', 'lai-chau', 'dien-bien']) {
      expect((await s.raiseHand(pollId, code)).body.status).toBe('proposed');
    }
    const confirmed = await s.raiseHand(pollId, 'ha-giang');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      confirmedAt: expect.any(String),
      confirmation: { presentUnits: 7, handsFor: 4, handsAgainst: 1, handsAbstain: 1 },
    });
    expect(problem(await s.raiseHand(pollId, 'lang-son'))).toEqual({
      status: 409,
      code: 'counting_board_already_confirmed',
    });
    const ledger = await s.get(`/ledger/entries?subjectType=poll&subjectId=${pollId}&pageSize=100`);
    const actions = (
      ledger.body.items as { action: string; actorId: string; payload: Record<string, unknown> }[]
    ).filter((e) => e.action.startsWith('elections.counting_board_'));
    expect(actions.filter((e) => e.action === 'elections.counting_board_hand_raised')).toHaveLength(6);
    expect(actions.find((e) => e.action === 'elections.counting_board_confirmed')?.payload).toMatchObject({
      presentUnits: 7,
      handsFor: 4,
    });
    // Confirmed, the board changes only through a new proposal, never by writing the row.
    await expect(
      t.dataSource.query(`UPDATE poll_counting_boards SET hands_for = 7 WHERE poll_id = $1`, [pollId]),
    ).rejects.toMatchObject({ code: 'TD001' });
  });

  it('the invented accounts and the secretariat may not count; the confirmed board enters the sheet twice', async () => {
    for (const account of mallory) {
      expect(problem(await enter(account.email))).toEqual({ status: 403, code: 'not_on_counting_board' });
    }
    const secretariat = await enter(SECRETARIAT);
    expect(secretariat.status).toBe(403);
    expect(['not_on_counting_board', 'forbidden']).toContain(secretariat.body.code);
    expect((await enter(A)).status).toBe(201);
    expect((await enter(B)).status).toBe(201);
    expect(problem(await s.proposeBoard(pollId, [A, delegate('dien-bien')]))).toEqual({
      status: 409,
      code: 'counting_board_locked',
    });
    const tallied = await s.step(pollId, 'tally');
    expect(tallied.status).toBe(200);
  });

  it('only the confirmed board and the secretariat sign; certification needs them all', async () => {
    for (const email of [A, B, SECRETARIAT]) keys[email] = await registerTestKey(t, email, 'ed25519');
    for (const account of mallory) {
      const auth = { Authorization: `Bearer ${account.token}` };
      keys[account.email] = await registerTestKeyWithToken(t, auth);
      expect(problem(await signRecord(account.email))).toEqual({ status: 403, code: 'signer_capacity_missing' });
    }
    expect((await signRecord(SECRETARIAT)).status).toBe(201);
    const early = await t.http
      .post(`${API}/polls/${pollId}/certify`)
      .set(await s.as(SECRETARIAT))
      .send({});
    expect(problem(early)).toEqual({ status: 409, code: 'counting_record_not_signed' });
    expect((await signRecord(A)).status).toBe(201);
    expect((await signRecord(B)).status).toBe(201);
    const certified = await t.http
      .post(`${API}/polls/${pollId}/certify`)
      .set(await s.as(SECRETARIAT))
      .send({});
    expect(certified.status).toBe(200);
    expect(certified.body.status).toBe('certified');
  });

  it('the share of hands comes from the pinned rules (voting.countingBoardMajority)', async () => {
    const created = await s.createPoll(meetingId, { kind: 'motion', title: 'Đa số 70%', motionText: 'Đồng ý?' });
    const motionId = created.body.id as string;
    // A version of the rules that asks more than 70% of the units present, pinned to this draft poll.
    await t.dataSource.query(
      `WITH v AS (
         INSERT INTO rules_versions (cluster_id, number, title, status, content, content_digest, created_by)
         SELECT r.cluster_id, 900, 'Đa số 70%', 'draft',
                jsonb_set(r.content, '{voting,countingBoardMajority}', '0.7'), r.content_digest, r.created_by
           FROM rules_versions r JOIN polls p ON p.rules_version_id = r.id WHERE p.id = $1
         RETURNING id)
       UPDATE polls SET rules_version_id = (SELECT id FROM v) WHERE id = $1`,
      [motionId],
    );
    const proposed = await s.proposeBoard(motionId, [A, B]);
    expect(proposed.body.confirmation).toMatchObject({ presentUnits: 7, handsNeeded: 5, majority: 0.7 });
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang']) {
      expect((await s.raiseHand(motionId, code)).body.status).toBe('proposed');
    }
    // Four of seven would confirm under the default; here the database refuses it too.
    await expect(
      t.dataSource.query(`UPDATE poll_counting_boards SET confirmed_at = now() WHERE poll_id = $1`, [motionId]),
    ).rejects.toMatchObject({ constraint: 'ck_poll_counting_boards_majority' });
    expect((await s.raiseHand(motionId, 'cao-bang')).body).toMatchObject({
      status: 'confirmed',
      confirmation: { handsFor: 5, presentUnits: 7 },
    });
  });

  it('a new proposal replaces a confirmed board and needs the meeting again', async () => {
    const created = await s.createPoll(meetingId, { kind: 'motion', title: 'Thủ tục', motionText: 'Đồng ý?' });
    const motionId = created.body.id as string;
    expect((await s.appointBoard(motionId, [A, B])).body.status).toBe('confirmed');
    const replaced = await s.proposeBoard(motionId, [A, delegate('dien-bien')]);
    expect(replaced.body).toMatchObject({ status: 'proposed', hands: [], confirmation: { handsFor: 0 } });
    expect(replaced.body.members.map((m: { unitCode: string }) => m.unitCode).sort()).toEqual([
      'dien-bien',
      'lang-son',
    ]);
    const ledger = await s.get(`/ledger/entries?subjectType=poll&subjectId=${motionId}&pageSize=100`);
    const proposals = (ledger.body.items as { action: string; payload: { previous: unknown } }[]).filter(
      (e) => e.action === 'elections.counting_board_proposed',
    );
    expect(proposals.map((p) => p.payload.previous)).toContainEqual(expect.objectContaining({ confirmed: true }));
    expect((await s.confirmBoard(motionId)).body.status).toBe('confirmed');
  });
});

/** Registers an Ed25519 key for an account logged in by token (the invented accounts). */
async function registerTestKeyWithToken(t: TestApp, auth: { Authorization: string }): Promise<TestSigner> {
  const { generateKeyPairSync, sign } = await import('node:crypto');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const challenge = await t.http.post(`${API}/me/signing-keys/challenges`).set(auth);
  const registered = await t.http
    .post(`${API}/me/signing-keys`)
    .set(auth)
    .send({
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }),
      challengeId: challenge.body.id,
      challengeSignature: sign(null, Buffer.from(challenge.body.challenge, 'utf8'), privateKey).toString('base64'),
    });
  expect(registered.status).toBe(201);
  return {
    keyId: registered.body.id,
    fingerprint: registered.body.fingerprint,
    algorithm: 'ed25519',
    sign: (text: string) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    dispose: () => undefined,
  };
}
