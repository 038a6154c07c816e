import { verifyBundle } from '../../src/verifier/verify-bundle';
import { createHash } from 'node:crypto';
import { DEMO_CODES, demoIds, meetingSteps, recordLeader2011, type DemoIds } from '../utils/elections-fixtures';
import { responseViolations } from '../utils/openapi-conformance';
import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate, SECRETARIAT } from '../utils/signed-in';

/**
 * Certification through HTTP: the counting record of a tallied leader election is signed by the
 * counting board and the secretariat with registered keys; certification is refused until all
 * have signed, then seals the poll, records the digest in the ledger and makes the winner the
 * cluster's leader for the next term. A certified motion completes its approval request.
 */
describe('certifying the result', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let pollId: string;
  const keys: Record<string, TestSigner> = {};
  // Two delegates of present units that stand in none of these polls (lang-son, the 2011 leader, may not stand).
  const BOARD = [delegate('lang-son'), delegate('lao-cai')];

  const record = async (id: string, as = SECRETARIAT) => s.get(`/polls/${id}/counting-record`, as);
  const signAs = async (id: string, email: string, override: { digest?: string; bytes?: string } = {}) => {
    const current = (await record(id, email)).body as { canonical: string; digest: string };
    return t.http
      .post(`${API}/polls/${id}/counting-record/signatures`)
      .set(await s.as(email))
      .send({
        digest: override.digest ?? current.digest,
        signingKeyId: keys[email].keyId,
        signature: keys[email].sign(override.bytes ?? current.canonical),
      });
  };
  const certify = async (id: string, as = SECRETARIAT) =>
    t.http
      .post(`${API}/polls/${id}/certify`)
      .set(await s.as(as))
      .send({});
  const appoint = async (id: string) => s.appointBoard(id, BOARD);
  /** A poll through open, 7 ballots, close and tally; `choices` gives each unit's ballot. */
  async function runPoll(body: Record<string, unknown>, choices: (code: string) => Record<string, unknown>) {
    const created = await s.createPoll(meetingId, body);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await appoint(id)).status).toBe(200);
    await s.step(id, 'open');
    for (const code of DEMO_CODES) expect((await s.vote(id, code, choices(code))).status).toBe(201);
    await s.step(id, 'close');
    expect((await s.step(id, 'tally')).status).toBe(200);
    return id;
  }
  const signAll = async (id: string) => {
    for (const email of [...BOARD, SECRETARIAT]) expect((await signAs(id, email)).status).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    await recordLeader2011(t, ids);
    for (const email of [...BOARD, SECRETARIAT, delegate('son-la')]) {
      keys[email] = await registerTestKey(t, email, 'ed25519');
    }
    meetingId = await s.createMeeting();
    for (const code of DEMO_CODES) expect((await s.checkIn(meetingId, code)).status).toBe(201);
  });
  afterAll(() => t.close());

  it('has no counting record before the tally', async () => {
    const created = await s.createPoll(meetingId, { kind: 'motion', title: 'Chưa kiểm', motionText: 'Đồng ý?' });
    expect(problem(await record(created.body.id))).toEqual({ status: 409, code: 'poll_not_tallied' });
  });

  it('builds the counting record of the tallied leader election', async () => {
    // The outgoing leader's delegate counts: lang-son is refused as a candidate (rotation).
    pollId = await runPoll(
      {
        kind: 'leader_election',
        title: 'Bầu cụm trưởng năm 2012',
        candidateUnitIds: [ids.unitIds['son-la'], ids.unitIds['lai-chau']],
      },
      (code) => ({
        choice: ids.unitIds[code === 'lai-chau' ? 'lai-chau' : 'son-la'],
      }),
    );
    const poll = (await s.get(`/polls/${pollId}`)).body;
    expect(poll.result).toMatchObject({ outcome: 'elected', winners: [ids.unitIds['son-la']] });

    const res = await record(pollId, delegate('cao-bang'));
    expect(res.status).toBe(200);
    expect(res.body.digest).toBe(createHash('sha256').update(Buffer.from(res.body.canonical, 'utf8')).digest('hex'));
    expect(res.body.content).toMatchObject({
      type: 'thidua.counting-record',
      formatVersion: 1,
      cluster: { id: ids.clusterId, code: 'bien-gioi-phia-bac' },
      cycle: { id: ids.cycleId, year: 2011 },
      meeting: { id: meetingId, heldOn: '2011-11-21', place: 'Thành phố Lạng Sơn' },
      poll: { id: pollId, kind: 'leader_election', round: 1, parentPollId: null },
      attendance: { present: 7, members: 7 },
      roll: { size: 7, weight: 7, digest: poll.rollDigest },
      ballots: { cast: 7, valid: 7, invalid: 0, blank: 0 },
      result: { outcome: 'elected', winners: [ids.unitIds['son-la']] },
      tieBreaks: [],
      bulletinDigest: poll.bulletinDigest,
    });
    expect(res.body.content.counts).toContainEqual(
      expect.objectContaining({ unitCode: 'son-la', votes: 6, passes: true }),
    );
    expect(res.body.content.paper).toBeUndefined();
    expect(res.body.content.countingBoard.map((m: { userId: string }) => m.userId).sort()).toEqual(
      BOARD.map((e) => ids.userIds[e]).sort(),
    );
    expect(res.body).toMatchObject({ signatures: [], secretariatSigned: false, readyToCertify: false });
    expect(res.body.pendingBoardMembers).toHaveLength(2);
    // The served OpenAPI document types `content` exactly: no field missing, none undeclared.
    expect(await responseViolations(t, 'GET', `${API}/polls/{id}/counting-record`, 200, res.body)).toEqual([]);
  });

  it('refuses certification until every board member and the secretariat have signed', async () => {
    expect(problem(await certify(pollId))).toEqual({ status: 409, code: 'counting_record_not_signed' });
    expect(problem(await signAs(pollId, delegate('son-la')))).toEqual({
      status: 403,
      code: 'signer_capacity_missing',
    });
    expect(problem(await signAs(pollId, BOARD[0], { digest: '0'.repeat(64) }))).toEqual({
      status: 409,
      code: 'document_digest_mismatch',
    });
    expect(problem(await signAs(pollId, BOARD[0], { bytes: '{}' }))).toEqual({
      status: 422,
      code: 'signature_invalid',
    });

    const first = await signAs(pollId, BOARD[0]);
    expect(first.status).toBe(201);
    expect(first.body.signatures).toEqual([
      expect.objectContaining({
        signerId: ids.userIds[BOARD[0]],
        capacity: 'counting_board',
        unitId: ids.unitIds['lang-son'],
        mandateId: expect.any(String),
        keyFingerprint: keys[BOARD[0]].fingerprint,
      }),
    ]);
    expect(problem(await signAs(pollId, BOARD[0]))).toEqual({ status: 409, code: 'document_already_signed' });
    // The first signature freezes the record: renaming a board member does not change what the others sign.
    const frozen = (await record(pollId)).body.digest;
    await t.dataSource.query(`UPDATE users SET full_name = full_name || ' (đổi tên)' WHERE id = $1`, [
      ids.userIds[BOARD[1]],
    ]);
    expect((await record(pollId)).body.digest).toBe(frozen);

    expect((await signAs(pollId, SECRETARIAT)).body.secretariatSigned).toBe(true);
    const waiting = await certify(pollId);
    expect(problem(waiting)).toEqual({ status: 409, code: 'counting_record_not_signed' });
    expect(waiting.body.pendingBoardMembers).toEqual([expect.objectContaining({ userId: ids.userIds[BOARD[1]] })]);

    // The second board member signs as the board.
    const last = await signAs(pollId, BOARD[1]);
    expect(last.body.signatures.map((x: { capacity: string }) => x.capacity).sort()).toEqual([
      'counting_board',
      'counting_board',
      'secretariat',
    ]);
    expect(last.body.readyToCertify).toBe(true);
    expect(problem(await certify(pollId, delegate('son-la')))).toEqual({ status: 403, code: 'forbidden' });
  });

  it('certifies: the poll is sealed, the digest is in the ledger, Sơn La leads the cluster in 2012', async () => {
    const { digest, documentId } = (await record(pollId)).body;
    const certified = await certify(pollId);
    expect(certified.status).toBe(200);
    expect(certified.body).toMatchObject({ status: 'certified', countingRecordDocumentId: documentId });
    expect(certified.body.certifiedAt).toEqual(expect.any(String));

    const leaderships = (await t.dataSource.query(
      `SELECT unit_id, role, term_year, basis, poll_id FROM cluster_leaderships WHERE cluster_id = $1 ORDER BY term_year`,
      [ids.clusterId],
    )) as Record<string, unknown>[];
    expect(leaderships).toEqual([
      expect.objectContaining({ unit_id: ids.unitIds['lang-son'], term_year: 2011, basis: 'recorded' }),
      { unit_id: ids.unitIds['son-la'], role: 'leader', term_year: 2012, basis: 'election', poll_id: pollId },
    ]);

    const ledger = await s.get(`/ledger/entries?subjectType=poll&subjectId=${pollId}&pageSize=100`);
    const sealed = ledger.body.items.find((e: { action: string }) => e.action === 'elections.result_certified');
    expect(sealed.payload).toMatchObject({ digest, documentId, outcome: 'elected', winners: [ids.unitIds['son-la']] });
    expect(sealed.payload.signatures).toHaveLength(3);
    expect(
      ledger.body.items.filter((e: { action: string }) => e.action === 'elections.counting_record_signed'),
    ).toHaveLength(3);

    const after = await record(pollId);
    expect(after.body).toMatchObject({ digest, documentId, readyToCertify: true });

    // The counting record checks offline, and a changed byte does not.
    const bundle = (await s.get(`/polls/${pollId}/bundle`)).body;
    expect(bundle).toMatchObject({ rootDocumentId: documentId, subject: { type: 'poll', id: pollId } });
    expect(await verifyBundle(bundle)).toMatchObject({ valid: true, problems: [] });
    const tampered = structuredClone(bundle);
    tampered.documents[0].canonical = tampered.documents[0].canonical.replace('"cast":', '"cast" :');
    expect((await verifyBundle(tampered)).valid).toBe(false);
  });

  it('keeps a certified poll read-only', async () => {
    expect(problem(await certify(pollId))).toEqual({ status: 409, code: 'poll_already_certified' });
    expect(problem(await signAs(pollId, delegate('son-la')))).toEqual({ status: 409, code: 'poll_already_certified' });
    expect(problem(await s.proposeBoard(pollId, BOARD))).toEqual({ status: 409, code: 'poll_already_certified' });
    expect(problem(await s.step(pollId, 'tally'))).toEqual({ status: 409, code: 'poll_not_closed' });
    await expect(t.dataSource.query(`UPDATE polls SET title = 'x' WHERE id = $1`, [pollId])).rejects.toMatchObject({
      code: 'TD001',
    });
  });

  it('records the certified deputy for the same term; a second leader for 2012 is refused', async () => {
    const deputy = await runPoll(
      {
        kind: 'deputy_election',
        title: 'Bầu cụm phó năm 2012',
        candidateUnitIds: [ids.unitIds['lai-chau'], ids.unitIds['dien-bien']],
      },
      () => ({ choice: ids.unitIds['lai-chau'] }),
    );
    await signAll(deputy);
    expect((await certify(deputy)).status).toBe(200);
    const [row] = (await t.dataSource.query(
      `SELECT unit_id, term_year FROM cluster_leaderships WHERE poll_id = $1 AND role = 'deputy'`,
      [deputy],
    )) as { unit_id: string; term_year: number }[];
    expect(row).toEqual({ unit_id: ids.unitIds['lai-chau'], term_year: 2012 });

    const again = await runPoll(
      {
        kind: 'leader_election',
        title: 'Bầu lại cụm trưởng năm 2012',
        candidateUnitIds: [ids.unitIds['ha-giang'], ids.unitIds['cao-bang']],
      },
      () => ({ choice: ids.unitIds['ha-giang'] }),
    );
    await signAll(again);
    expect(problem(await certify(again))).toEqual({ status: 409, code: 'leadership_term_taken' });
    expect((await s.get(`/polls/${again}`)).body.status).toBe('tallied');
  });

  it('completes the approval request of a certified motion: the rules version is adopted', async () => {
    const drafted = await t.http
      .post(`${API}/clusters/${ids.clusterId}/rules-versions`)
      .set(await s.as(SECRETARIAT))
      .send({ title: 'Quy chế khen thưởng Cụm thi đua năm 2012' });
    const requestId = drafted.body.approval.requestId as string;
    await t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await s.as(SECRETARIAT))
      .send({ transition: 'propose' });
    const motion = await runPoll(
      {
        kind: 'motion',
        title: 'Thông qua Quy chế khen thưởng năm 2012',
        motionText: 'Hội nghị thông qua Quy chế khen thưởng của Cụm năm 2012.',
        approvalRequestId: requestId,
      },
      () => ({ choice: 'yes' }),
    );
    // A motion's lines name their option (`yes`, `no`), and still match the served schema.
    const motionRecord = await record(motion);
    expect(motionRecord.body.content.counts.map((c: { option: string }) => c.option)).toEqual(['yes', 'no']);
    expect(await responseViolations(t, 'GET', `${API}/polls/{id}/counting-record`, 200, motionRecord.body)).toEqual([]);
    await signAll(motion);
    expect((await certify(motion)).status).toBe(200);
    const request = await s.get(`/approvals/${requestId}`);
    expect(request.body.state).toBe('adopted');
    expect(request.body.acts.at(-1)).toMatchObject({ countedFor: `poll:${motion}` });
    expect((await s.get(`/rules-versions/${drafted.body.id}`)).body.status).toBe('adopted');
  });
});
