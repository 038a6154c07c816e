import { randomUUID } from 'node:crypto';
import { PollEffects } from '../../src/modules/elections/poll-effects';
import { Poll } from '../../src/modules/elections/poll.entity';
import { drawKey } from '../../src/modules/scoring/ranking';
import { adoptRanking, demoIds, meetingSteps, recordLeader2011, type DemoIds } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate, SECRETARIAT } from '../utils/signed-in';

/**
 * The rules of the polls through HTTP: award eligibility (sealed pledge, ranking, minimum score)
 * and quota, the stricter award quorum, the recorded draw (its seed in the ledger before the
 * tally), refused ballots, paper polls waiting for the counting board, and a motion that — once
 * certified — adopts a rules version through its approval request.
 */
describe('polls by the rules', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  const PRESENT = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'lang-son'];

  /** The cycle's pledge, sealed, signed by every unit but cao-bang (documents stand in for the signatures). */
  async function sealPledge(): Promise<void> {
    const admin = ids.userIds['admin@thidua.local'];
    const [doc] = (await t.dataSource.query(
      `INSERT INTO signed_documents (kind, subject_id, canonical, digest) VALUES ('pledge_seal', $1, '{}', repeat('0', 64)) RETURNING id`,
      [randomUUID()],
    )) as { id: string }[];
    const [pledge] = (await t.dataSource.query(
      `INSERT INTO pledges (cycle_id, cluster_id, number, shared_text, rules_version_id, status, created_by, seal_document_id, sealed_at)
       SELECT c.id, c.cluster_id, 1, 'Giao ước thi đua năm 2011', c.rules_version_id, 'sealed', $2, $3, now() FROM cycles c WHERE c.id = $1
       RETURNING id`,
      [ids.cycleId, admin, doc.id],
    )) as { id: string }[];
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'lao-cai', 'lang-son']) {
      await t.dataSource.query(
        `INSERT INTO unit_pledges (pledge_id, unit_id, status, drafted_by, signed_document_id) VALUES ($1, $2, 'signed', $3, $4)`,
        [pledge.id, ids.unitIds[code], admin, doc.id],
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    await recordLeader2011(t, ids);
    // cao-bang, lao-cai and dien-bien are left out of the ranking: equal (no) scores for the draw below.
    await adoptRanking(t, ids, { 'son-la': '95.00', 'lang-son': '92.00', 'lai-chau': '90.00', 'ha-giang': '80.00' });
    await sealPledge();
    meetingId = await s.createMeeting();
    for (const code of PRESENT) await s.checkIn(meetingId, code);
  });
  afterAll(() => t.close());

  it('lists why each unit may not be proposed for the alliance flag, and limits approvals to the quota', async () => {
    const created = await s.createPoll(meetingId, {
      kind: 'award_proposal',
      title: 'Đề nghị Cờ thi đua của Liên minh HTX Việt Nam',
      awardCategoryCode: 'ALLIANCE-FLAG',
    });
    expect(created.status).toBe(201);
    const refusals = Object.fromEntries(
      created.body.candidates.map((c: { unitCode: string; refusalCode: string | null }) => [c.unitCode, c.refusalCode]),
    );
    expect(refusals).toEqual({
      'son-la': null,
      'lang-son': null,
      'lai-chau': null,
      'ha-giang': null,
      'cao-bang': 'pledge_not_signed',
      'lao-cai': 'not_in_ranking',
      'dien-bien': 'not_in_ranking',
    });
    expect(created.body.maxApprovals).toBe(1);
    const pollId = created.body.id;

    // 5 of 7 present: the general quorum (2/3) is met, the award quorum (80%) is not.
    expect(problem(await s.step(pollId, 'open'))).toEqual({ status: 409, code: 'quorum_not_met' });
    expect((await s.record(meetingId, 'lao-cai')).status).toBe(201);
    expect((await s.step(pollId, 'open')).body).toMatchObject({ status: 'open', rollSize: 6 });

    const tooMany = await s.vote(pollId, 'son-la', { approve: [ids.unitIds['son-la'], ids.unitIds['lai-chau']] });
    expect(problem(tooMany)).toEqual({ status: 422, code: 'ballot_invalid' });
    const refused = await s.vote(pollId, 'son-la', { approve: [ids.unitIds['cao-bang']] });
    expect(problem(refused)).toEqual({ status: 422, code: 'ballot_invalid' });
    for (const code of [...PRESENT, 'lao-cai']) {
      expect((await s.vote(pollId, code, { approve: [ids.unitIds['son-la']] })).status).toBe(201);
    }
    await s.step(pollId, 'close');
    const board = await s.get(`/polls/${pollId}/bulletin-board`);
    expect(board.body.entries[0]).toEqual({ tracker: expect.any(String), approve: [ids.unitIds['son-la']] });
    const tallied = await s.step(pollId, 'tally');
    expect(tallied.body.result).toMatchObject({
      outcome: 'proposed',
      winners: [ids.unitIds['son-la']],
      quorum: { required: 0.8, present: 6, members: 7, met: true },
    });
  });

  it('settles a tie the other rules cannot by a draw whose seed is in the ledger before the tally', async () => {
    const created = await s.createPoll(meetingId, {
      kind: 'leader_election',
      title: 'Bầu cụm trưởng (thử rút thăm)',
      candidateUnitIds: ['cao-bang', 'lao-cai', 'dien-bien'].map((code) => ids.unitIds[code]),
    });
    const pollId = created.body.id;
    await s.step(pollId, 'open');
    const votes = { 'son-la': 'cao-bang', 'lai-chau': 'cao-bang', 'dien-bien': 'lao-cai', 'ha-giang': 'lao-cai' };
    for (const [voter, candidate] of Object.entries({ ...votes, 'lang-son': 'dien-bien', 'lao-cai': 'dien-bien' })) {
      expect((await s.vote(pollId, voter, { choice: ids.unitIds[candidate] })).status).toBe(201);
    }
    await s.step(pollId, 'close');
    const result = (await s.step(pollId, 'tally')).body.result;
    expect(result.outcome).toBe('runoff');

    const entries = (await s.get(`/ledger/entries?subjectType=poll&subjectId=${pollId}&sort=seq&pageSize=100`)).body
      .items as { seq: string; action: string; payload: { seed?: string; among?: string[] } }[];
    const seeded = entries.find((e) => e.action === 'elections.draw_seeded')!;
    const tallied = entries.find((e) => e.action === 'elections.poll_tallied')!;
    expect(BigInt(seeded.seq)).toBeLessThan(BigInt(tallied.seq));
    expect(result.drawSeed).toBe(seeded.payload.seed);
    const drawn = [...seeded.payload.among!].sort((a, b) =>
      drawKey(seeded.payload.seed!, a) < drawKey(seeded.payload.seed!, b) ? -1 : 1,
    );
    expect(result.runoff).toEqual(drawn.slice(0, 2));
    expect(result.tieBreaks.at(-1)).toMatchObject({ decidedBy: 'recorded_draw', places: 2 });
  });

  it('refuses ballots without a proper Idempotency-Key or with a choice the poll does not have', async () => {
    const poll = await s.createPoll(meetingId, { kind: 'motion', title: 'Biểu quyết', motionText: 'Đồng ý?' });
    await s.step(poll.body.id, 'open');
    const send = async (key: string | null, body: Record<string, unknown>) => {
      const req = t.http.post(`${API}/polls/${poll.body.id}/ballots`).set(await s.as(delegate('son-la')));
      return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
    };
    expect(problem(await send(null, { choice: 'yes' }))).toEqual({ status: 400, code: 'idempotency_key_required' });
    expect(problem(await send('1', { choice: 'yes' }))).toEqual({ status: 400, code: 'idempotency_key_invalid' });
    expect(problem(await send('6ba7b810-9dad-11d1-80b4-00c04fd430c8', { choice: 'yes' }))).toEqual({
      status: 400,
      code: 'idempotency_key_invalid',
    });
    expect(problem(await send(randomUUID(), { choice: 'maybe' }))).toEqual({ status: 422, code: 'ballot_invalid' });
    expect(problem(await send(randomUUID(), { choice: 'yes', extra: 1 }))).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    expect(problem(await s.vote(randomUUID(), 'son-la', { choice: 'yes' }))).toEqual({
      status: 404,
      code: 'poll_not_found',
    });
  });

  it('keeps a paper poll for the counting board: no electronic ballot, no tally without the accepted count', async () => {
    const poll = await s.createPoll(meetingId, {
      kind: 'motion',
      title: 'Biểu quyết bằng phiếu giấy',
      motionText: 'Đồng ý?',
      method: 'paper',
    });
    await s.step(poll.body.id, 'open');
    expect(problem(await s.vote(poll.body.id, 'son-la', { choice: 'yes' }))).toEqual({
      status: 409,
      code: 'poll_paper_only',
    });
    await s.step(poll.body.id, 'close');
    expect(problem(await s.step(poll.body.id, 'tally'))).toEqual({ status: 409, code: 'paper_count_not_accepted' });
  });

  it('adopts a proposed rules version by the meeting vote once the motion is certified', async () => {
    const drafted = await t.http
      .post(`${API}/clusters/${ids.clusterId}/rules-versions`)
      .set(await s.as(SECRETARIAT))
      .send({ title: 'Quy chế khen thưởng Cụm thi đua năm 2012' });
    const requestId = drafted.body.approval.requestId as string;
    const motion = {
      kind: 'motion',
      title: 'Thông qua Quy chế khen thưởng năm 2012',
      motionText: 'Hội nghị thông qua Quy chế khen thưởng của Cụm năm 2012.',
      approvalRequestId: requestId,
    };
    expect(problem(await s.createPoll(meetingId, motion))).toEqual({
      status: 409,
      code: 'motion_request_not_decidable',
    });
    await t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await s.as(SECRETARIAT))
      .send({ transition: 'propose' });
    const poll = await s.createPoll(meetingId, motion);
    expect(poll.status).toBe(201);
    await s.step(poll.body.id, 'open');
    for (const code of [...PRESENT, 'lao-cai'])
      expect((await s.vote(poll.body.id, code, { choice: 'yes' })).status).toBe(201);
    await s.step(poll.body.id, 'close');
    expect((await s.step(poll.body.id, 'tally')).body.result.outcome).toBe('adopted');

    // Certification (the counting board's signed record) applies the effects; here called directly.
    await t.dataSource.transaction(async (manager) => {
      const row = await manager.findOneByOrFail(Poll, { id: poll.body.id });
      await t.app.get(PollEffects).apply(manager, row, ids.userIds[SECRETARIAT]);
    });
    const version = await t.http.get(`${API}/rules-versions/${drafted.body.id}`).set(await s.as(SECRETARIAT));
    expect(version.body.status).toBe('adopted');
    const request = await t.http.get(`${API}/approvals/${requestId}`).set(await s.as(SECRETARIAT));
    expect(request.body.state).toBe('adopted');
    expect(request.body.acts.at(-1)).toMatchObject({ transition: 'adopt', countedFor: `poll:${poll.body.id}` });
  });

  it('records a withdrawal: the unit leaves the live quorum, the register keeps both times', async () => {
    const out = await t.http
      .post(`${API}/meetings/${meetingId}/attendance/check-out`)
      .set(await s.as(delegate('lang-son')))
      .send({ note: 'Về sớm' });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({
      unitCode: 'lang-son',
      present: false,
      checkedOutBy: ids.userIds[delegate('lang-son')],
    });
    expect((await s.get(`/meetings/${meetingId}/quorum`)).body.present).toBe(5);
    const again = await t.http
      .post(`${API}/meetings/${meetingId}/attendance/check-out`)
      .set(await s.as(delegate('lang-son')))
      .send({ unitId: ids.unitIds['lang-son'] });
    expect(problem(again)).toEqual({ status: 409, code: 'attendance_not_present' });
    const register = await s.get(`/meetings/${meetingId}/attendance`);
    expect(register.body.items.filter((r: { unitCode: string }) => r.unitCode === 'lang-son')).toHaveLength(1);
  });
});
