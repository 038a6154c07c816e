import { DEMO_CODES, type DemoIds, meetingSteps, meetingWithEveryUnitPresent } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate, SECRETARIAT } from '../utils/signed-in';

/**
 * Paper ballots through HTTP: the counting board (two delegates of present units, no candidate's,
 * confirmed by the meeting's hands), ballots
 * handed out on record, the double entry refused until two members agree on every line, a
 * correction that keeps the old figure, who and why, and a mixed poll that adds the paper count
 * to the electronic ballots while a voter handed a paper ballot cannot also vote electronically.
 */
describe('paper ballots and the counting board', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let paperPollId: string;
  const A = delegate('lang-son');
  const B = delegate('lao-cai');

  const appoint = async (pollId: string, emails: string[], as = SECRETARIAT) =>
    t.http
      .put(`${API}/polls/${pollId}/counting-board`)
      .set(await s.as(as))
      .send({ memberIds: emails.map((e) => ids.userIds[e]) });
  const hand = async (pollId: string, code: string) =>
    t.http
      .post(`${API}/polls/${pollId}/paper-ballots`)
      .set(await s.as(SECRETARIAT))
      .send({ unitId: ids.unitIds[code] });
  const enter = async (pollId: string, email: string, figures: Record<string, number>, reason?: string) =>
    t.http
      .post(`${API}/polls/${pollId}/paper-entries`)
      .set(await s.as(email))
      .send({ lines: Object.entries(figures).map(([line, count]) => ({ line, count })), reason });

  beforeAll(async () => {
    t = await createTestApp();
    ({ ids, s, meetingId } = await meetingWithEveryUnitPresent(t));
  });
  afterAll(() => t.close());

  it("appoints a counting board of two or more, refusing a candidate's delegate with the reason", async () => {
    const created = await s.createPoll(meetingId, {
      kind: 'leader_election',
      title: 'Bầu cụm trưởng năm 2012 (phiếu giấy)',
      method: 'paper',
      candidateUnitIds: [ids.unitIds['son-la'], ids.unitIds['lai-chau']],
    });
    expect(created.status).toBe(201);
    paperPollId = created.body.id;

    const conflict = await appoint(paperPollId, [A, delegate('son-la')]);
    expect(problem(conflict)).toEqual({ status: 422, code: 'counting_board_member_conflict' });
    expect(conflict.body.refused).toEqual([
      expect.objectContaining({ userId: ids.userIds[delegate('son-la')], unitCode: 'son-la' }),
    ]);
    expect(conflict.body.refused[0].reason).toContain('a candidate');
    expect(problem(await appoint(paperPollId, [A, A]))).toEqual({ status: 422, code: 'counting_board_too_small' });
    expect(problem(await appoint(paperPollId, [A]))).toEqual({ status: 400, code: 'validation_failed' });
    expect(problem(await appoint(paperPollId, [A, B], delegate('ha-giang')))).toEqual({
      status: 403,
      code: 'forbidden',
    });

    const board = await appoint(paperPollId, [A, B]);
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ pollId: paperPollId, status: 'proposed', locked: false });
    expect(board.body.members.map((m: { unitCode: string }) => m.unitCode).sort()).toEqual(['lang-son', 'lao-cai']);
    expect((await s.get(`/polls/${paperPollId}/counting-board`, delegate('son-la'))).body.members).toHaveLength(2);
    // The meeting confirms it: 4 hands of the 7 units present.
    const confirmed = await s.confirmBoard(paperPollId);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      confirmation: { presentUnits: 7, handsNeeded: 4, handsFor: 4, handsAgainst: 0, handsAbstain: 0 },
    });
  });

  it('hands out paper ballots on record: one per unit of the roll, no electronic ballot', async () => {
    await s.step(paperPollId, 'open');
    for (const code of DEMO_CODES) {
      const res = await hand(paperPollId, code);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'paper', ballots: 1 });
    }
    expect(problem(await hand(paperPollId, 'son-la'))).toEqual({ status: 409, code: 'ballot_already_cast' });
    expect(problem(await s.vote(paperPollId, 'son-la', { choice: ids.unitIds['son-la'] }))).toEqual({
      status: 409,
      code: 'poll_paper_only',
    });
    expect((await s.get(`/polls/${paperPollId}/turnout`)).body).toMatchObject({ voted: 7, entitled: 7 });
    // Counting starts when the box is closed.
    expect(problem(await enter(paperPollId, A, { blank: 1 }))).toEqual({ status: 409, code: 'paper_count_not_open' });
    await s.step(paperPollId, 'close');
  });

  it('refuses the tally until two entries agree on every line, naming the lines that disagree', async () => {
    const sheetA = { 'option:0': 6, 'option:1': 0, blank: 1, invalid: 0, ballots_issued: 7, ballots_received: 7 };
    expect(problem(await enter(paperPollId, SECRETARIAT, sheetA))).toEqual({
      status: 403,
      code: 'not_on_counting_board',
    });
    expect(problem(await enter(paperPollId, A, { 'option:2': 1 }))).toEqual({
      status: 422,
      code: 'paper_line_invalid',
    });
    expect((await enter(paperPollId, A, sheetA)).status).toBe(201);
    const alone = await s.step(paperPollId, 'tally');
    expect(problem(alone)).toEqual({ status: 409, code: 'paper_count_not_accepted' });

    const entered = await enter(paperPollId, B, { ...sheetA, 'option:0': 5, 'option:1': 1 });
    expect(entered.body.accepted).toBe(false);
    const refused = await s.step(paperPollId, 'tally');
    expect(problem(refused)).toEqual({ status: 409, code: 'paper_count_not_accepted' });
    expect(refused.body.detail).toContain('option:0, option:1');
    expect(refused.body.disagreeingLines).toEqual([
      {
        line: 'option:0',
        figures: expect.arrayContaining([
          { memberId: ids.userIds[A], count: 6 },
          { memberId: ids.userIds[B], count: 5 },
        ]),
      },
      expect.objectContaining({ line: 'option:1' }),
    ]);
    expect((await s.get(`/polls/${paperPollId}`)).body.status).toBe('closed');
  });

  it('keeps the history of a correction: the old figure, who and why', async () => {
    expect(problem(await enter(paperPollId, B, { 'option:0': 6, 'option:1': 0 }))).toEqual({
      status: 422,
      code: 'paper_correction_reason_required',
    });
    const reason = 'Đếm lại: một phiếu của Sơn La bị xếp nhầm sang Lai Châu';
    const corrected = await enter(paperPollId, B, { 'option:0': 6, 'option:1': 0 }, reason);
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ accepted: true, inconsistencies: [] });
    expect(corrected.body.agreeingMembers.sort()).toEqual([ids.userIds[A], ids.userIds[B]].sort());

    const entries = await s.get(`/polls/${paperPollId}/paper-entries`, delegate('ha-giang'));
    expect(entries.status).toBe(200);
    expect(entries.body.history).toHaveLength(14);
    const correction = entries.body.history.find(
      (e: { line: string; supersedesId: string | null }) => e.line === 'option:0' && e.supersedesId !== null,
    );
    expect(correction).toMatchObject({ enteredBy: ids.userIds[B], count: 6, previousCount: 5, reason, current: true });
    const old = entries.body.history.find((e: { id: string }) => e.id === correction.supersedesId);
    expect(old).toMatchObject({ enteredBy: ids.userIds[B], count: 5, current: false, reason: null });

    const ledger = await s.get(`/ledger/entries?subjectType=poll&subjectId=${paperPollId}&pageSize=100`);
    const logged = ledger.body.items.filter((e: { action: string }) => e.action === 'elections.paper_count_entered');
    expect(logged).toHaveLength(3);
    expect(logged[0].payload.entries).toContainEqual(
      expect.objectContaining({ line: 'option:0', count: 6, previousCount: 5, reason }),
    );
    // Counting has started: the board stays.
    expect(problem(await appoint(paperPollId, [A, delegate('ha-giang')]))).toEqual({
      status: 409,
      code: 'counting_board_locked',
    });
  });

  it('tallies the accepted paper count, after which the figures stay', async () => {
    const tallied = await s.step(paperPollId, 'tally');
    expect(tallied.status).toBe(200);
    expect(tallied.body.result).toMatchObject({
      outcome: 'elected',
      winners: [ids.unitIds['son-la']],
      ballots: 7,
      valid: 6,
      abstentions: 1,
      invalid: 0,
    });
    expect(problem(await enter(paperPollId, A, { blank: 2 }, 'late'))).toEqual({
      status: 409,
      code: 'paper_count_not_open',
    });
  });

  it('combines paper and electronic ballots in a mixed poll; a paper voter cannot vote electronically', async () => {
    const created = await s.createPoll(meetingId, {
      kind: 'deputy_election',
      title: 'Bầu cụm phó năm 2012 (điện tử và phiếu giấy)',
      method: 'mixed',
      candidateUnitIds: [ids.unitIds['lai-chau'], ids.unitIds['dien-bien']],
    });
    expect(created.status).toBe(201);
    const pollId = created.body.id as string;
    const [laiChau, dienBien] = [ids.unitIds['lai-chau'], ids.unitIds['dien-bien']];
    expect(created.body.candidates.map((c: { unitId: string; position: number }) => [c.unitId, c.position])).toEqual([
      [laiChau, 0],
      [dienBien, 1],
    ]);
    // son-la is no candidate here: its delegate may count.
    expect((await s.appointBoard(pollId, [delegate('son-la'), A])).status).toBe(200);
    await s.step(pollId, 'open');

    for (const code of ['cao-bang', 'lao-cai', 'lang-son']) expect((await hand(pollId, code)).status).toBe(201);
    expect(problem(await s.vote(pollId, 'cao-bang', { choice: laiChau }))).toEqual({
      status: 409,
      code: 'ballot_already_cast',
    });
    for (const code of ['son-la', 'lai-chau', 'ha-giang']) {
      expect((await s.vote(pollId, code, { choice: laiChau })).status).toBe(201);
    }
    expect((await s.vote(pollId, 'dien-bien', { choice: dienBien })).status).toBe(201);
    expect(problem(await hand(pollId, 'son-la'))).toEqual({ status: 409, code: 'ballot_already_cast' });
    expect((await s.get(`/polls/${pollId}/turnout`)).body).toMatchObject({ voted: 7, entitled: 7 });
    const closed = await s.step(pollId, 'close');
    expect(closed.body.ballotsCast).toBe(4);

    // Both members agree, but the sheet says 4 ballots were issued where the register says 3.
    const sheet = { 'option:0': 3, 'option:1': 0, blank: 0, invalid: 0, ballots_issued: 4, ballots_received: 3 };
    await enter(pollId, delegate('son-la'), sheet);
    await enter(pollId, A, sheet);
    const inconsistent = await s.step(pollId, 'tally');
    expect(problem(inconsistent)).toEqual({ status: 409, code: 'paper_count_not_accepted' });
    expect(inconsistent.body.inconsistencies).toEqual([
      'ballots_issued is 4 but 3 paper ballots were handed out on record',
    ]);
    for (const member of [delegate('son-la'), A]) {
      expect((await enter(pollId, member, { ballots_issued: 3 }, 'Phát 3 phiếu, không phải 4')).status).toBe(201);
    }

    const tallied = await s.step(pollId, 'tally');
    expect(tallied.status).toBe(200);
    expect(tallied.body.result).toMatchObject({ outcome: 'elected', winners: [laiChau], ballots: 7, valid: 7 });
    const votes = Object.fromEntries(
      tallied.body.result.options.map((o: { unitId: string; votes: number }) => [o.unitId, o.votes]),
    );
    expect(votes).toEqual({ [laiChau]: 6, [dienBien]: 1 });
  });

  it('has no paper side in an electronic poll', async () => {
    const created = await s.createPoll(meetingId, { kind: 'motion', title: 'Điện tử', motionText: 'Đồng ý?' });
    await s.step(created.body.id, 'open');
    expect(problem(await hand(created.body.id, 'son-la'))).toEqual({ status: 409, code: 'poll_not_on_paper' });
    expect(problem(await s.get(`/polls/${created.body.id}/paper-entries`))).toEqual({
      status: 409,
      code: 'poll_not_on_paper',
    });
  });
});
