import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoCycle2011Sql, SECRETARIAT } from '../utils/signed-in';

/**
 * A poll opens on a roll larger than PostgreSQL's 65,535 bind parameters would allow at four per
 * voter (16,383): the roll goes in as three arrays, whatever its size.
 */
describe('opening a poll on a large roll', () => {
  const VOTERS = 17_000;
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`freezes a roll of ${VOTERS} voters`, async () => {
    const as = () => asUser(t, SECRETARIAT);
    const ids = await demoCycle2011Sql(t.dataSource);
    await t.dataSource.query(
      `WITH units_ AS (
         INSERT INTO units (code, name, kind)
         SELECT 'roll-' || g, 'Đơn vị ' || g, 'provincial_alliance' FROM generate_series(1, $1) g RETURNING id, code
       ), members AS (
         INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on) SELECT $2, id, '2011-01-01' FROM units_
       ), people AS (
         INSERT INTO users (email, full_name, password_hash)
         SELECT code || '@roll.local', 'Đại biểu ' || code, '!' FROM units_ RETURNING id, email
       )
       INSERT INTO mandates (user_id, role, unit_id, valid_from)
       SELECT p.id, 'delegate', u.id, '2011-01-01' FROM people p JOIN units_ u ON p.email = u.code || '@roll.local'`,
      [VOTERS, ids.clusterId],
    );
    const meeting = await t.http
      .post(`${API}/cycles/${ids.cycleId}/meetings`)
      .set(await as())
      .send({ title: 'Hội nghị đông đại biểu', heldOn: '2011-11-21', place: 'Lạng Sơn' });
    expect(meeting.status).toBe(201);
    await t.dataSource.query(
      `INSERT INTO meeting_attendances (meeting_id, unit_id, delegate_id, checked_in_by)
       SELECT $1, m.unit_id, m.user_id, m.user_id FROM mandates m JOIN units u ON u.id = m.unit_id
        WHERE m.role = 'delegate' AND u.code LIKE 'roll-%'`,
      [meeting.body.id],
    );
    // Statistics as autovacuum leaves them after a bulk load. Without them the planner takes the
    // 17,000-row tables for empty and joins the register to the attendances row by row: the poll's
    // opening took 20 s on PostgreSQL and over 45 s on embedded PGlite (0.2 s and 0.6 s with them).
    await t.dataSource.query('ANALYZE units, cluster_memberships, users, mandates, meeting_attendances');
    const candidates = (
      (await t.dataSource.query(`SELECT id FROM units WHERE code IN ('son-la', 'lai-chau')`)) as { id: string }[]
    ).map((row) => row.id);
    const poll = await t.http
      .post(`${API}/meetings/${meeting.body.id}/polls`)
      .set(await as())
      .send({ kind: 'leader_election', title: 'Bầu cụm trưởng', candidateUnitIds: candidates });
    expect(poll.status).toBe(201);

    const opened = await t.http
      .post(`${API}/polls/${poll.body.id}/open`)
      .set(await as())
      .send({});
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', rollSize: VOTERS });
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM poll_voters WHERE poll_id = $1`, [
      poll.body.id,
    ])) as { n: number }[];
    expect(n).toBe(VOTERS);
  });
});
