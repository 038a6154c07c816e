import { randomUUID } from 'node:crypto';
import { asUser, delegate, demoCycle2011Sql, SECRETARIAT } from './signed-in';
import { API, type TestApp } from './test-app';

/** The demo cluster's 7 member units. */
export const DEMO_CODES = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'] as const;

export interface DemoIds {
  clusterId: string;
  cycleId: string;
  unitIds: Record<string, string>;
  userIds: Record<string, string>;
}

/** Ids of the demo cluster, its 2011 cycle (at `voting`, rules v1 pinned), units and delegates. */
export async function demoIds(t: TestApp): Promise<DemoIds> {
  const { clusterId, cycleId } = await demoCycle2011Sql(t.dataSource);
  const units = (await t.dataSource.query(`SELECT id, code FROM units`)) as { id: string; code: string }[];
  const users = (await t.dataSource.query(`SELECT id, email FROM users`)) as { id: string; email: string }[];
  return {
    clusterId,
    cycleId,
    unitIds: Object.fromEntries(units.map((u) => [u.code, u.id])),
    userIds: Object.fromEntries(users.map((u) => [u.email, u.id])),
  };
}

/** The demo ids, the meeting steps, and a meeting of the 2011 cycle at which the 7 delegates have checked in (each 201). */
export async function meetingWithEveryUnitPresent(
  t: TestApp,
): Promise<{ ids: DemoIds; s: ReturnType<typeof meetingSteps>; meetingId: string }> {
  const ids = await demoIds(t);
  const s = meetingSteps(t, ids);
  const meetingId = await s.createMeeting();
  for (const code of DEMO_CODES) expect((await s.checkIn(meetingId, code)).status).toBe(201);
  return { ids, s, meetingId };
}

/** The leader of the 2011 term: the demo data records Lạng Sơn; this checks it is there. */
export async function recordLeader2011(t: TestApp, ids: DemoIds): Promise<void> {
  const [row] = (await t.dataSource.query(
    `SELECT u.code FROM cluster_leaderships l JOIN units u ON u.id = l.unit_id
      WHERE l.cluster_id = $1 AND l.term_year = 2011 AND l.role = 'leader'`,
    [ids.clusterId],
  )) as { code: string }[];
  if (row?.code !== 'lang-son') throw new Error('The demo data should record Lạng Sơn as the 2011 leader');
}

/** An adopted scoring period of the cycle whose ranking gives these final totals. */
export async function adoptRanking(t: TestApp, ids: DemoIds, totals: Record<string, string>): Promise<void> {
  const rows = Object.entries(totals).map(([code, total], index) => ({
    unitId: ids.unitIds[code],
    unitCode: code,
    rank: index + 1,
    total,
    criteria: total,
    bonus: '0.00',
    penalty: '0.00',
  }));
  await t.dataSource.query(
    `INSERT INTO scoring_periods (cycle_id, name, rules_version_id, self_scoring_due, explanation_due,
                                  status, adopted_at, adopted_by, adopted_ranking, created_by)
     SELECT c.id, 'Chấm điểm năm 2011', c.rules_version_id, '2011-11-10', '2011-11-20', 'adopted', now(), $2, $3, $2
       FROM cycles c WHERE c.id = $1`,
    [
      ids.cycleId,
      ids.userIds['admin@thidua.local'],
      JSON.stringify({ stage: 'final', rows, leadingUnitId: null, tieBreaks: [] }),
    ],
  );
}

/** The HTTP steps of a meeting and its polls, as the people in the room take them. */
export function meetingSteps(t: TestApp, ids: DemoIds) {
  const as = (email: string) => asUser(t, email);
  return {
    as,
    async createMeeting(): Promise<string> {
      const res = await t.http
        .post(`${API}/cycles/${ids.cycleId}/meetings`)
        .set(await as(SECRETARIAT))
        .send({
          title: 'Hội nghị giao ban Cụm thi đua các tỉnh biên giới phía Bắc năm 2011',
          heldOn: '2011-11-21',
          place: 'Thành phố Lạng Sơn',
          agenda: [
            { title: 'Báo cáo kết quả kinh tế tập thể năm 2011' },
            { title: 'Thông qua quy chế khen thưởng' },
            { title: 'Bầu cụm trưởng năm 2012', note: 'Bỏ phiếu kín' },
          ],
        });
      if (res.status !== 201) throw new Error(`meeting: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    },
    async checkIn(meetingId: string, code: string) {
      return t.http
        .post(`${API}/meetings/${meetingId}/attendance/check-in`)
        .set(await as(delegate(code)))
        .send({});
    },
    async record(meetingId: string, code: string) {
      return t.http
        .post(`${API}/meetings/${meetingId}/attendance/check-in`)
        .set(await as(SECRETARIAT))
        .send({ unitId: ids.unitIds[code], delegateId: ids.userIds[delegate(code)] });
    },
    async createPoll(meetingId: string, body: Record<string, unknown>) {
      return t.http
        .post(`${API}/meetings/${meetingId}/polls`)
        .set(await as(SECRETARIAT))
        .send(body);
    },
    async step(pollId: string, step: 'open' | 'close' | 'tally', email = SECRETARIAT) {
      return t.http
        .post(`${API}/polls/${pollId}/${step}`)
        .set(await as(email))
        .send({});
    },
    async vote(pollId: string, code: string, body: Record<string, unknown>, key: string = randomUUID()) {
      return t.http
        .post(`${API}/polls/${pollId}/ballots`)
        .set(await as(delegate(code)))
        .set('Idempotency-Key', key)
        .send(body);
    },
    /** The chair proposes a counting board (PUT …/counting-board). */
    async proposeBoard(pollId: string, emails: string[], email = SECRETARIAT) {
      return t.http
        .put(`${API}/polls/${pollId}/counting-board`)
        .set(await as(email))
        .send({ memberIds: emails.map((e) => ids.userIds[e]) });
    },
    /** One unit's hand on the current proposal, raised by the delegate sitting for it. */
    async raiseHand(pollId: string, code: string, vote: 'for' | 'against' | 'abstain' = 'for', email = delegate(code)) {
      const board = await t.http.get(`${API}/polls/${pollId}/counting-board`).set(await as(email));
      return t.http
        .post(`${API}/polls/${pollId}/counting-board/hands`)
        .set(await as(email))
        .send({ proposalId: board.body.proposalId, vote });
    },
    /** The meeting confirms the proposed board: the present delegates raise their hands until it is confirmed. */
    async confirmBoard(pollId: string, codes: readonly string[] = DEMO_CODES) {
      for (const code of codes) {
        const res = await this.raiseHand(pollId, code);
        if (res.status !== 200) throw new Error(`hand of ${code}: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.body.status === 'confirmed') return res;
      }
      throw new Error('The counting board was not confirmed by the hands raised.');
    },
    /** Proposed by the chair and confirmed by the meeting: the board as the tests need it. */
    async appointBoard(pollId: string, emails: string[]) {
      const proposed = await this.proposeBoard(pollId, emails);
      if (proposed.status !== 200) return proposed;
      return this.confirmBoard(pollId);
    },
    async get(path: string, email = SECRETARIAT) {
      return t.http.get(`${API}${path}`).set(await as(email));
    },
  };
}
