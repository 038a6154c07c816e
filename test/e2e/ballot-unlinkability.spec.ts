import { createHash, randomUUID } from 'node:crypto';
import { DEMO_CODES, type DemoIds, meetingSteps, meetingWithEveryUnitPresent } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate, SECRETARIAT } from '../utils/signed-in';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** RFC 8785 for what the board holds (strings, arrays, objects): keys sorted, no spaces. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Ballot secrecy as an observer sees it (issue #12 §1): from what is published — the roll with its
 * weights, the bulletin board, other voters' receipts, the ledger — no two board rows can be tied to
 * one voter. A weighted voter's rows carry independent trackers (none derives from another), all
 * on their receipt; the board's digest is recomputed from the board as served; a mixed poll with too
 * few voters on one channel publishes no rows, and who took paper is the secretariat's to read.
 */
describe('ballot secrecy as seen from the published data', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ ids, s, meetingId } = await meetingWithEveryUnitPresent(t));
  });
  afterAll(() => t.close());

  const weighted = async (title: string, method: string, weights: Record<string, number>) => {
    const created = await s.createPoll(meetingId, { kind: 'motion', title, motionText: 'Đồng ý?', method });
    expect(created.status).toBe(201);
    // The rules version would say this; the draft's snapshot is set here to keep the spec short.
    await t.dataSource.query(
      `UPDATE polls SET voting_rules = jsonb_set(voting_rules, '{voterWeights}', $2::jsonb) WHERE id = $1`,
      [created.body.id, JSON.stringify(weights)],
    );
    expect((await s.step(created.body.id, 'open')).status).toBe(200);
    return created.body.id as string;
  };

  describe('weighted voters', () => {
    let pollId: string;
    const receipts: Record<string, { trackers: string[]; choice: string }> = {};
    let board: { listed: boolean; ballots: number; digest: string; entries: { tracker: string; choice: string }[] };

    it('gives a voter of weight w a receipt with w trackers; a retry gets the same, another ballot 409', async () => {
      pollId = await weighted('Có trọng số', 'electronic', { 'son-la': 3, 'lai-chau': 2 });
      const key = randomUUID();
      const first = await s.vote(pollId, 'son-la', { choice: 'yes' }, key);
      expect(first.status).toBe(201);
      expect(first.body.receipt.trackers).toHaveLength(3);
      expect(first.body.receipt.tracker).toBe(first.body.receipt.trackers[0]);
      expect(new Set(first.body.receipt.trackers).size).toBe(3);
      const retry = await s.vote(pollId, 'son-la', { choice: 'yes' }, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(problem(await s.vote(pollId, 'son-la', { choice: 'no' }, key))).toEqual({
        status: 409,
        code: 'ballot_already_cast',
      });
      expect(problem(await s.vote(pollId, 'son-la', { choice: 'yes' }))).toEqual({
        status: 409,
        code: 'ballot_already_cast',
      });
      receipts['son-la'] = first.body.receipt;
      for (const [code, choice] of [
        ['lai-chau', 'yes'],
        ['dien-bien', 'no'],
        ['ha-giang', 'yes'],
        ['cao-bang', 'abstain'],
        ['lao-cai', 'yes'],
        ['lang-son', 'no'],
      ]) {
        const res = await s.vote(pollId, code, { choice });
        expect(res.status).toBe(201);
        receipts[code] = res.body.receipt;
      }
      expect(receipts['lai-chau'].trackers).toHaveLength(2);
      expect((await s.step(pollId, 'close')).status).toBe(200);
      board = (await s.get(`/polls/${pollId}/bulletin-board`, delegate('ha-giang'))).body;
      expect(board).toMatchObject({ listed: true, ballots: 10 });
    });

    it('lists every tracker of every receipt once, each row shaped like any other', async () => {
      const all = Object.values(receipts).flatMap((r) => r.trackers);
      expect(board.entries.map((e) => e.tracker).sort()).toEqual([...all].sort());
      for (const entry of board.entries) {
        expect(Object.keys(entry).sort()).toEqual(['choice', 'tracker']);
        expect(entry.tracker).toMatch(/^[0-9a-f]{64}$/);
      }
    });

    it('has no function of the published data linking two rows: no tracker derives from another', async () => {
      const trackers = board.entries.map((e) => Buffer.from(e.tracker, 'hex'));
      const onBoard = new Set(board.entries.map((e) => e.tracker));
      const roll = (await s.get(`/polls/${pollId}/roll`)).body.voters as { unitId: string; delegateId: string }[];
      const published = [pollId, ...roll.flatMap((v) => [v.unitId, v.delegateId])];
      // The chain of the old scheme (tracker_g = sha256(tracker_1 ‖ int32be(g))) and its plausible variants.
      for (const tracker of trackers) {
        for (let g = 0; g <= 100; g += 1) {
          const index = Buffer.alloc(4);
          index.writeInt32BE(g);
          for (const candidate of [
            sha256(Buffer.concat([tracker, index])),
            sha256(Buffer.concat([index, tracker])),
            sha256(`${tracker.toString('hex')}${g}`),
            sha256(`${tracker.toString('hex')}|${g}`),
          ]) {
            expect(onBoard.has(candidate.toString('hex'))).toBe(false);
          }
        }
        for (const value of published) {
          expect(onBoard.has(sha256(Buffer.concat([tracker, Buffer.from(value)])).toString('hex'))).toBe(false);
        }
      }
      // Nothing orders or groups them: the board is sorted by tracker, one voter's rows are spread.
      expect(board.entries.map((e) => e.tracker)).toEqual([...onBoard].sort());
      // Another voter's receipt carries only that voter's trackers.
      expect(receipts['lai-chau'].trackers.some((x) => receipts['son-la'].trackers.includes(x))).toBe(false);
      // The ledger of the poll names no tracker and no key digest.
      const ledger = (await t.dataSource.query(
        `SELECT payload::text AS payload FROM ledger_entries WHERE subject_id = $1`,
        [pollId],
      )) as { payload: string }[];
      expect(ledger.length).toBeGreaterThan(0);
      for (const { payload } of ledger) for (const tracker of onBoard) expect(payload).not.toContain(tracker);
      const keyHashes = (await t.dataSource.query(
        `SELECT encode(key_hash, 'hex') AS h FROM poll_participations WHERE poll_id = $1`,
        [pollId],
      )) as { h: string }[];
      for (const { h } of keyHashes) expect(onBoard.has(h)).toBe(false);
    });

    it('serves a digest anyone recomputes from the board as served, the one the ledger recorded at close', async () => {
      const digest = sha256(canonical(board.entries)).toString('hex');
      expect(board.digest).toBe(digest);
      const [closed] = (await t.dataSource.query(
        `SELECT payload FROM ledger_entries WHERE subject_id = $1 AND action = 'elections.poll_closed'`,
        [pollId],
      )) as { payload: { bulletinDigest: string; electronicBallots: number } }[];
      expect(closed.payload).toMatchObject({ bulletinDigest: digest, electronicBallots: 10 });
      expect((await s.get(`/polls/${pollId}`)).body.bulletinDigest).toBe(digest);
    });

    it('tallies the weights and names each option as the counting record does', async () => {
      const tallied = await s.step(pollId, 'tally');
      expect(tallied.status).toBe(200);
      expect(tallied.body.result.options).toEqual([
        { unitId: null, option: 'yes', position: 0, votes: 7, passes: expect.any(Boolean) },
        { unitId: null, option: 'no', position: 1, votes: 2, passes: false },
      ]);
      expect(tallied.body.result).toMatchObject({ ballots: 10, abstentions: 1 });
    });
  });

  describe('mixed polls', () => {
    const hand = async (pollId: string, code: string) =>
      t.http
        .post(`${API}/polls/${pollId}/paper-ballots`)
        .set(await s.as(SECRETARIAT))
        .send({ unitId: ids.unitIds[code] });

    it('publishes no ballot rows when fewer than the minimum voted electronically', async () => {
      const pollId = await weighted('Hỗn hợp, ít phiếu điện tử', 'mixed', {});
      for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang']) {
        expect((await hand(pollId, code)).status).toBe(201);
      }
      expect((await s.vote(pollId, 'lao-cai', { choice: 'no' })).status).toBe(201);
      expect((await s.vote(pollId, 'lang-son', { choice: 'yes' })).status).toBe(201);
      expect((await s.step(pollId, 'close')).status).toBe(200);
      const board = await s.get(`/polls/${pollId}/bulletin-board`, delegate('son-la'));
      expect(board.status).toBe(200);
      expect(board.body).toEqual({ pollId, listed: false, ballots: 2, digest: null, entries: [] });
      const [closed] = (await t.dataSource.query(
        `SELECT payload FROM ledger_entries WHERE subject_id = $1 AND action = 'elections.poll_closed'`,
        [pollId],
      )) as { payload: Record<string, unknown> }[];
      expect(closed.payload).toMatchObject({ ballotsListed: false, bulletinDigest: null, handedPaperBallots: 5 });

      // The paper sheet would give the electronic totals (merged minus paper): only the counting
      // board and the secretariat read it, and the counting record keeps the lines that split nothing.
      const [A, B] = [delegate('lang-son'), delegate('lao-cai')];
      // Proposed by the chair and confirmed by the meeting's show of hands.
      const countingBoard = await s.appointBoard(pollId, [A, B]);
      expect(countingBoard.body.status).toBe('confirmed');
      const sheet = { 'option:0': 3, 'option:1': 1, blank: 1, invalid: 0, ballots_issued: 5, ballots_received: 5 };
      for (const member of [A, B]) {
        const entered = await t.http
          .post(`${API}/polls/${pollId}/paper-entries`)
          .set(await s.as(member))
          .send({ lines: Object.entries(sheet).map(([line, count]) => ({ line, count })) });
        expect(entered.status).toBe(201);
      }
      expect(problem(await s.get(`/polls/${pollId}/paper-entries`, delegate('son-la')))).toEqual({
        status: 403,
        code: 'paper_count_restricted',
      });
      expect((await s.get(`/polls/${pollId}/paper-entries`)).status).toBe(200);
      expect((await s.get(`/polls/${pollId}/paper-entries`, A)).status).toBe(200);
      const tallied = await s.step(pollId, 'tally');
      expect(tallied.status).toBe(200);
      expect(tallied.body.result.options.map((o: { option: string; votes: number }) => [o.option, o.votes])).toEqual([
        ['yes', 4],
        ['no', 2],
      ]);
      const record = await s.get(`/polls/${pollId}/counting-record`, delegate('son-la'));
      expect(record.status).toBe(200);
      expect(record.body.content.paper).toMatchObject({
        channelsMerged: true,
        sheet: { ballots_issued: 5, ballots_received: 5, invalid: 0 },
      });
      expect(Object.keys(record.body.content.paper.sheet).sort()).toEqual([
        'ballots_issued',
        'ballots_received',
        'invalid',
      ]);
    });

    it('keeps who took paper out of the ledger; only the secretariat of the cluster reads it', async () => {
      const pollId = await weighted('Hỗn hợp, đủ phiếu', 'mixed', {});
      for (const code of ['son-la', 'lai-chau', 'dien-bien']) expect((await hand(pollId, code)).status).toBe(201);
      for (const code of ['ha-giang', 'cao-bang', 'lao-cai', 'lang-son']) {
        expect((await s.vote(pollId, code, { choice: 'yes' })).status).toBe(201);
      }
      const handed = (await t.dataSource.query(
        `SELECT payload::text AS payload FROM ledger_entries WHERE subject_id = $1 AND action = 'elections.paper_ballot_handed'`,
        [pollId],
      )) as { payload: string }[];
      expect(handed).toHaveLength(3);
      for (const { payload } of handed) {
        for (const code of DEMO_CODES) expect(payload).not.toContain(ids.unitIds[code]);
      }
      // A delegate, a voter of this very poll, has no permission to manage polls.
      expect(problem(await s.get(`/polls/${pollId}/paper-ballots`, delegate('son-la')))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      const list = await s.get(`/polls/${pollId}/paper-ballots`);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ page: 1, total: 3 });
      expect(list.body.items.map((i: { unitCode: string }) => i.unitCode).sort()).toEqual([
        'dien-bien',
        'lai-chau',
        'son-la',
      ]);
      expect((await s.step(pollId, 'close')).status).toBe(200);
      const board = (await s.get(`/polls/${pollId}/bulletin-board`, delegate('son-la'))).body;
      expect(board).toMatchObject({ listed: true, ballots: 4 });
      expect(board.digest).toBe(sha256(canonical(board.entries)).toString('hex'));
    });
  });
});
