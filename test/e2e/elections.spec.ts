import { randomUUID } from 'node:crypto';
import { adoptRanking, demoIds, meetingSteps, recordLeader2011, type DemoIds } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate } from '../utils/signed-in';

/**
 * The 2011 meeting of the demo cluster replayed through HTTP: the register, the live quorum, a
 * motion whose roll stays frozen when a late delegate arrives, then the election of the cluster
 * leader for 2012 — Lạng Sơn (leader 2011) refused by the rotation rule, 7 secret ballots, no
 * candidate at 80% of the members, a tie for second place settled by the higher final score, a
 * runoff, and Sơn La elected, as in the source.
 */
describe('the meeting elects the cluster leader for 2012', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let leaderPollId: string;
  let runoffPollId: string;
  const receipts: { code: string; tracker: string; choice: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    await recordLeader2011(t, ids);
    await adoptRanking(t, ids, {
      'son-la': '95.00',
      'lang-son': '92.00',
      'lai-chau': '90.00',
      'dien-bien': '85.00',
      'ha-giang': '80.00',
      'cao-bang': '78.00',
      'lao-cai': '75.00',
    });
    meetingId = await s.createMeeting();
  });
  afterAll(() => t.close());

  it('keeps the attendance register: delegates sign in themselves or are recorded by the secretariat', async () => {
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'cao-bang', 'lang-son']) {
      expect((await s.checkIn(meetingId, code)).status).toBe(201);
    }
    const recorded = await s.record(meetingId, 'lao-cai');
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      unitCode: 'lao-cai',
      delegateId: ids.userIds[delegate('lao-cai')],
      checkedInBy: ids.userIds['thuky1@thidua.local'],
      present: true,
    });
    expect(problem(await s.checkIn(meetingId, 'son-la'))).toEqual({
      status: 409,
      code: 'attendance_unit_already_present',
    });
    // A delegate signs only for their own unit.
    const other = await t.http
      .post(`${API}/meetings/${meetingId}/attendance/check-in`)
      .set(await s.as(delegate('son-la')))
      .send({ unitId: ids.unitIds['ha-giang'] });
    expect(problem(other)).toEqual({ status: 403, code: 'attendance_forbidden' });

    const quorum = await s.get(`/meetings/${meetingId}/quorum`, delegate('cao-bang'));
    expect(quorum.body).toMatchObject({
      members: 7,
      present: 6,
      quorum: { requiredUnits: 5, met: true },
      awardQuorum: { requiredUnits: 6, met: true },
    });
  });

  it('freezes the roll when a poll opens: a delegate arriving later does not vote in it', async () => {
    const motion = await s.createPoll(meetingId, {
      kind: 'motion',
      title: 'Thông qua chương trình hội nghị',
      motionText: 'Hội nghị thông qua chương trình làm việc.',
    });
    expect(motion.status).toBe(201);
    const opened = await s.step(motion.body.id, 'open');
    expect(opened.body).toMatchObject({ status: 'open', rollSize: 6, memberCount: 7 });

    expect((await s.checkIn(meetingId, 'ha-giang')).status).toBe(201);
    expect((await s.get(`/meetings/${meetingId}/quorum`)).body.present).toBe(7);
    const roll = await s.get(`/polls/${motion.body.id}/roll`);
    expect(roll.body.frozen).toBe(true);
    expect(roll.body.voters.map((v: { unitCode: string }) => v.unitCode)).not.toContain('ha-giang');
    expect(problem(await s.vote(motion.body.id, 'ha-giang', { choice: 'yes' }))).toEqual({
      status: 403,
      code: 'voter_not_on_roll',
    });

    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'cao-bang', 'lao-cai', 'lang-son']) {
      expect((await s.vote(motion.body.id, code, { choice: 'yes' })).status).toBe(201);
    }
    await s.step(motion.body.id, 'close');
    const tallied = await s.step(motion.body.id, 'tally');
    expect(tallied.body.result).toMatchObject({
      outcome: 'adopted',
      ballots: 6,
      base: { kind: 'all_members', value: 7 },
    });
  });

  it('refuses the outgoing leader as a candidate, with the reason', async () => {
    const created = await s.createPoll(meetingId, { kind: 'leader_election', title: 'Bầu cụm trưởng năm 2012' });
    expect(created.status).toBe(201);
    leaderPollId = created.body.id;
    const langSon = created.body.candidates.find((c: { unitCode: string }) => c.unitCode === 'lang-son');
    expect(langSon).toMatchObject({ eligible: false, position: null, refusalCode: 'outgoing_leader' });
    expect(langSon.refusalReason).toContain('outgoing leader');
    expect(created.body.candidates.filter((c: { eligible: boolean }) => c.eligible)).toHaveLength(6);
    expect(created.body.ballotOptions.map((o: { value: string }) => o.value)).toContain('abstain');
  });

  it('takes 7 secret ballots: choices stay hidden while the poll is open, only turnout shows', async () => {
    const opened = await s.step(leaderPollId, 'open');
    expect(opened.body).toMatchObject({ status: 'open', rollSize: 7, presentCount: 7 });
    expect(opened.body.rollDigest).toMatch(/^[0-9a-f]{64}$/);

    const votes: [string, string][] = [
      ['son-la', 'son-la'],
      ['ha-giang', 'son-la'],
      ['cao-bang', 'son-la'],
      ['lai-chau', 'lai-chau'],
      ['lao-cai', 'lai-chau'],
      ['dien-bien', 'dien-bien'],
      ['lang-son', 'dien-bien'],
    ];
    for (const [voter, candidate] of votes.slice(0, 3)) {
      const res = await s.vote(leaderPollId, voter, { choice: ids.unitIds[candidate] });
      expect(res.status).toBe(201);
      receipts.push({ code: voter, tracker: res.body.receipt.tracker, choice: ids.unitIds[candidate] });
    }
    const turnout = await s.get(`/polls/${leaderPollId}/turnout`, delegate('lao-cai'));
    expect(turnout.body).toEqual({ pollId: leaderPollId, status: 'open', entitled: 7, voted: 3, share: 0.4286 });
    expect(problem(await s.get(`/polls/${leaderPollId}/bulletin-board`))).toEqual({
      status: 409,
      code: 'poll_not_closed',
    });
    expect((await s.get(`/polls/${leaderPollId}`)).body.result).toBeNull();

    for (const [voter, candidate] of votes.slice(3)) {
      const res = await s.vote(leaderPollId, voter, { choice: ids.unitIds[candidate] });
      expect(res.status).toBe(201);
      receipts.push({ code: voter, tracker: res.body.receipt.tracker, choice: ids.unitIds[candidate] });
    }
    expect((await s.get(`/polls/${leaderPollId}/turnout`)).body).toMatchObject({ voted: 7, entitled: 7 });
  });

  it('closes the poll, shows every tracker on the bulletin board and finds no winner at 80% of members', async () => {
    const closed = await s.step(leaderPollId, 'close');
    expect(closed.body).toMatchObject({ status: 'closed', ballotsCast: 7 });
    expect(problem(await s.vote(leaderPollId, 'son-la', { choice: ids.unitIds['son-la'] }))).toEqual({
      status: 409,
      code: 'poll_closed',
    });

    const board = await s.get(`/polls/${leaderPollId}/bulletin-board`, delegate('lang-son'));
    expect(board.body.ballots).toBe(7);
    expect(board.body.digest).toBe(closed.body.bulletinDigest);
    const trackers = board.body.entries.map((e: { tracker: string }) => e.tracker);
    expect(trackers).toEqual([...trackers].sort());
    for (const receipt of receipts) {
      expect(board.body.entries).toContainEqual({ tracker: receipt.tracker, choice: receipt.choice });
    }

    const tallied = await s.step(leaderPollId, 'tally');
    expect(tallied.status).toBe(200);
    const result = tallied.body.result;
    expect(result).toMatchObject({ outcome: 'runoff', ballots: 7, valid: 7, votesNeeded: 5.6, winners: [] });
    expect(result.options.map((o: { votes: number }) => o.votes).sort()).toEqual([0, 0, 0, 2, 2, 3]);
    // lai-chau (90.00) and dien-bien (85.00) tie for second place: the higher final score goes on.
    expect(result.runoff).toEqual([ids.unitIds['son-la'], ids.unitIds['lai-chau']]);
    expect(result.tieBreaks).toEqual([
      {
        among: expect.arrayContaining([ids.unitIds['lai-chau'], ids.unitIds['dien-bien']]),
        places: 1,
        decidedBy: 'higher_final_score',
        selected: [ids.unitIds['lai-chau']],
      },
    ]);
    runoffPollId = tallied.body.runoffPollId;
    expect(runoffPollId).toEqual(expect.any(String));
  });

  it('runs the runoff on the same roll and elects Sơn La', async () => {
    const runoff = await s.get(`/polls/${runoffPollId}`);
    expect(runoff.body).toMatchObject({ status: 'draft', round: 2, parentPollId: leaderPollId });
    expect(runoff.body.candidates.map((c: { unitCode: string }) => c.unitCode)).toEqual(['son-la', 'lai-chau']);
    const opened = await s.step(runoffPollId, 'open');
    expect(opened.body.rollDigest).toBe((await s.get(`/polls/${leaderPollId}`)).body.rollDigest);

    for (const code of ['son-la', 'ha-giang', 'cao-bang', 'lao-cai', 'dien-bien', 'lang-son']) {
      expect((await s.vote(runoffPollId, code, { choice: ids.unitIds['son-la'] })).status).toBe(201);
    }
    expect((await s.vote(runoffPollId, 'lai-chau', { choice: ids.unitIds['lai-chau'] })).status).toBe(201);
    await s.step(runoffPollId, 'close');
    const tallied = await s.step(runoffPollId, 'tally');
    expect(tallied.body.result).toMatchObject({ outcome: 'elected', winners: [ids.unitIds['son-la']], ballots: 7 });
    expect(tallied.body.runoffPollId).toBeNull();
  });

  it('leaves the trail in the ledger: roll digest at open, bulletin digest at close, the tally', async () => {
    const entries = await s.get(`/ledger/entries?subjectType=poll&subjectId=${leaderPollId}&pageSize=100`);
    const byAction = Object.fromEntries(
      entries.body.items.map((e: { action: string; payload: unknown }) => [e.action, e.payload]),
    );
    const poll = (await s.get(`/polls/${leaderPollId}`)).body;
    expect(byAction['elections.poll_opened']).toMatchObject({ rollDigest: poll.rollDigest, rollSize: 7 });
    expect(byAction['elections.poll_closed']).toMatchObject({
      bulletinDigest: poll.bulletinDigest,
      electronicBallots: 7,
    });
    expect(byAction['elections.poll_tallied']).toMatchObject({ outcome: 'runoff' });
    // No entry per ballot.
    expect(entries.body.items).toHaveLength(4);
  });

  it('refuses a second ballot, replays a retry, and keeps secretariat-only steps to the secretariat', async () => {
    const poll = await s.createPoll(meetingId, {
      kind: 'deputy_election',
      title: 'Bầu cụm phó năm 2012',
      candidateUnitIds: [ids.unitIds['lai-chau'], ids.unitIds['dien-bien']],
    });
    expect(problem(await s.step(poll.body.id, 'open', delegate('son-la')))).toEqual({ status: 403, code: 'forbidden' });
    expect(problem(await s.vote(poll.body.id, 'son-la', { choice: ids.unitIds['lai-chau'] }))).toEqual({
      status: 409,
      code: 'poll_not_open',
    });
    await s.step(poll.body.id, 'open');
    const key = randomUUID();
    const first = await s.vote(poll.body.id, 'son-la', { choice: ids.unitIds['lai-chau'] }, key);
    const retry = await s.vote(poll.body.id, 'son-la', { choice: ids.unitIds['lai-chau'] }, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(problem(await s.vote(poll.body.id, 'son-la', { choice: ids.unitIds['dien-bien'] }, key))).toEqual({
      status: 409,
      code: 'ballot_already_cast',
    });
    expect(problem(await s.vote(poll.body.id, 'son-la', { choice: ids.unitIds['lai-chau'] }))).toEqual({
      status: 409,
      code: 'ballot_already_cast',
    });
    // Another voter cannot reuse someone's key (the tracker is taken).
    expect(problem(await s.vote(poll.body.id, 'lai-chau', { choice: ids.unitIds['lai-chau'] }, key))).toEqual({
      status: 409,
      code: 'idempotency_key_reused',
    });
    expect((await s.get(`/polls/${poll.body.id}/turnout`)).body.voted).toBe(1);

    // The ballot route checks the session in its own statement: a signed-out token casts nothing.
    const session = await t.login(delegate('dien-bien'));
    expect((await t.http.post(`${API}/auth/logout`).send({ refreshToken: session.refreshToken })).status).toBe(204);
    const afterLogout = await t.http
      .post(`${API}/polls/${poll.body.id}/ballots`)
      .set({ Authorization: `Bearer ${session.accessToken}`, 'Idempotency-Key': randomUUID() })
      .send({ choice: ids.unitIds['lai-chau'] });
    expect(problem(afterLogout)).toEqual({ status: 401, code: 'session_revoked' });
    expect((await s.get(`/polls/${poll.body.id}/turnout`)).body.voted).toBe(1);
  });
});
