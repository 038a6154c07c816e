import { type DemoIds, meetingSteps, meetingWithEveryUnitPresent } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';
import { delegate } from '../utils/signed-in';

/**
 * A seat at the meeting is held by a mandate, not by the check-in (issue #12 §2): a delegate whose
 * mandate ended after they checked in is not on the roll frozen at the poll's opening, and is
 * refused when casting; the unit's real representative (here its head) takes the seat and votes.
 * The mandates are ended in the database, as the registry would record it, at a moment before the
 * poll opens — no calendar date is involved.
 */
describe('the roll freeze re-checks every mandate', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let pollId: string;
  const endDelegateMandate = (code: string) =>
    t.dataSource.query(
      `UPDATE mandates SET valid_to = now() WHERE user_id = $1 AND unit_id = $2 AND role = 'delegate'`,
      [ids.userIds[delegate(code)], ids.unitIds[code]],
    );

  beforeAll(async () => {
    t = await createTestApp();
    ({ ids, s, meetingId } = await meetingWithEveryUnitPresent(t));
  });
  afterAll(() => t.close());

  it("frees the seat of a delegate whose mandate ended: the unit's head checks in for it", async () => {
    await endDelegateMandate('son-la');
    const head = await t.http
      .post(`${API}/meetings/${meetingId}/attendance/check-in`)
      .set(await s.as('chutich.son-la@thidua.local'))
      .send({ unitId: ids.unitIds['son-la'] });
    expect(head.status).toBe(201);
    expect(head.body).toMatchObject({ unitCode: 'son-la', delegateId: ids.userIds['chutich.son-la@thidua.local'] });
    const register = (await s.get(`/meetings/${meetingId}/attendance`)).body;
    const stays = (register.items ?? register) as { delegateId: string; present: boolean; note: string | null }[];
    expect(stays.find((a) => a.delegateId === ids.userIds[delegate('son-la')])).toMatchObject({ present: false });
  });

  it('leaves out of the roll a check-in whose mandate ended before the poll opened', async () => {
    await endDelegateMandate('lai-chau');
    const created = await s.createPoll(meetingId, { kind: 'motion', title: 'Biểu quyết', motionText: 'Đồng ý?' });
    expect(created.status).toBe(201);
    pollId = created.body.id;
    const opened = await s.step(pollId, 'open');
    expect(opened.status).toBe(200);
    expect(opened.body.rollSize).toBe(6);
    const roll = (await s.get(`/polls/${pollId}/roll`)).body.voters as { unitId: string; delegateId: string }[];
    expect(roll.map((v) => v.delegateId)).not.toContain(ids.userIds[delegate('lai-chau')]);
    expect(roll.map((v) => v.delegateId)).not.toContain(ids.userIds[delegate('son-la')]);
    expect(roll.find((v) => v.unitId === ids.unitIds['son-la'])?.delegateId).toBe(
      ids.userIds['chutich.son-la@thidua.local'],
    );
    const [released] = (await t.dataSource.query(
      `SELECT actor_id, payload FROM ledger_entries
        WHERE action = 'meetings.attendance_checked_out' AND payload->>'delegateId' = $1`,
      [ids.userIds[delegate('lai-chau')]],
    )) as { actor_id: string; payload: Record<string, unknown> }[];
    expect(released).toMatchObject({
      actor_id: ids.userIds['thuky1@thidua.local'],
      payload: { meetingId, unitId: ids.unitIds['lai-chau'], reason: 'mandate_ended' },
    });
  });

  it('refuses the ballot of the delegates whose mandate ended; the real representative votes', async () => {
    expect(problem(await s.vote(pollId, 'lai-chau', { choice: 'yes' }))).toEqual({
      status: 403,
      code: 'voter_not_on_roll',
    });
    expect(problem(await s.vote(pollId, 'son-la', { choice: 'yes' }))).toEqual({
      status: 403,
      code: 'voter_not_on_roll',
    });
    const head = await t.http
      .post(`${API}/polls/${pollId}/ballots`)
      .set(await s.as('chutich.son-la@thidua.local'))
      .set('Idempotency-Key', crypto.randomUUID())
      .send({ choice: 'yes' });
    expect(head.status).toBe(201);
    expect((await s.vote(pollId, 'dien-bien', { choice: 'no' })).status).toBe(201);
    expect((await s.get(`/polls/${pollId}/turnout`)).body).toMatchObject({ entitled: 6, voted: 2 });
  });
});
