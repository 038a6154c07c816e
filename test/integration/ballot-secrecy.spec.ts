import { demoIds, meetingSteps, DEMO_CODES } from '../utils/elections-fixtures';
import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * "Who voted" (poll_participations) and "what was voted" (ballots) must not be linkable: this
 * reads the schema itself — columns, defaults, constraints, indexes, foreign keys, triggers — and
 * fails on any link (decision 010). Then it casts real ballots and checks the residual links
 * PostgreSQL adds on its own (the casting transaction id in xmin, the heap order) are gone at close.
 */
describe('ballot secrecy: no link between participation and ballot', () => {
  let t: TestApp;
  const TABLES = ['ballots', 'poll_participations'];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const columns = async (table: string) =>
    (await t.dataSource.query(
      `SELECT column_name, data_type, column_default, is_identity FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
      [table],
    )) as { column_name: string; data_type: string; column_default: string | null; is_identity: string }[];

  it('shares no column but poll_id, and the ballot has nothing but poll, tracker and choice', async () => {
    const ballot = (await columns('ballots')).map((c) => c.column_name);
    const participation = (await columns('poll_participations')).map((c) => c.column_name);
    expect(ballot).toEqual(['choice', 'poll_id', 'tracker']);
    expect(ballot.filter((name) => participation.includes(name))).toEqual(['poll_id']);
  });

  it('has no time, sequence, identity or default-generated value in either table', async () => {
    for (const table of TABLES) {
      for (const column of await columns(table)) {
        expect({ table, column: column.column_name, type: column.data_type }).not.toMatchObject({
          type: expect.stringMatching(/time|date|interval|serial/i),
        });
        expect(column.is_identity).toBe('NO');
        // A default could be a clock or a counter; the only one allowed is the participation's channel.
        if (column.column_default !== null)
          expect(`${table}.${column.column_name}`).toBe('poll_participations.channel');
      }
    }
  });

  it('has no foreign key between the two tables, and no constraint or index over anything but poll and own key', async () => {
    const constraints = (await t.dataSource.query(
      `SELECT c.conname, c.contype, src.relname AS source, dst.relname AS target, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         LEFT JOIN pg_class dst ON dst.oid = c.confrelid
        WHERE src.relname = ANY($1) OR dst.relname = ANY($1)`,
      [TABLES],
    )) as { conname: string; contype: string; source: string; target: string | null; def: string }[];
    const between = constraints.filter(
      (c) => c.contype === 'f' && TABLES.includes(c.source) && TABLES.includes(c.target ?? ''),
    );
    expect(between).toEqual([]);
    // PostgreSQL 18 (the embedded one) also lists NOT NULL as constraints ('n'); they link nothing.
    const ballotConstraints = constraints
      .filter((c) => c.source === 'ballots' && c.contype !== 'n')
      .map((c) => c.def)
      .sort();
    expect(ballotConstraints).toEqual([
      "CHECK ((choice >= '-1'::integer))",
      'CHECK ((octet_length(tracker) = 32))',
      'FOREIGN KEY (poll_id) REFERENCES polls(id) ON DELETE RESTRICT',
      'PRIMARY KEY (poll_id, tracker)',
    ]);
    const indexes = (await t.dataSource.query(
      `SELECT tablename, indexdef FROM pg_indexes WHERE tablename = ANY($1) ORDER BY tablename, indexname`,
      [TABLES],
    )) as { tablename: string; indexdef: string }[];
    expect(indexes.map((i) => i.indexdef.replace(/^.* USING /, `${i.tablename} USING `))).toEqual([
      'ballots USING btree (poll_id, tracker)',
      'poll_participations USING btree (poll_id, unit_id)',
    ]);
  });

  it('has no trigger on either table that writes the other', async () => {
    const triggers = (await t.dataSource.query(
      `SELECT c.relname AS table_name, t.tgname, p.prosrc
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE c.relname = ANY($1) AND NOT t.tgisinternal`,
      [TABLES],
    )) as { table_name: string; tgname: string; prosrc: string }[];
    for (const trigger of triggers) {
      const other = TABLES.find((name) => name !== trigger.table_name)!;
      expect({ trigger: trigger.tgname, mentions: trigger.prosrc.includes(other) }).toEqual({
        trigger: trigger.tgname,
        mentions: false,
      });
    }
  });

  it('at close, rewrites the ballots so that neither xmin nor heap order points back to the casts', async () => {
    const ids = await demoIds(t);
    const s = meetingSteps(t, ids);
    const meetingId = await s.createMeeting();
    for (const code of DEMO_CODES) await s.checkIn(meetingId, code);
    const poll = await s.createPoll(meetingId, { kind: 'motion', title: 'Biểu quyết', motionText: 'Đồng ý?' });
    await s.step(poll.body.id, 'open');
    for (const [index, code] of DEMO_CODES.entries()) {
      expect((await s.vote(poll.body.id, code, { choice: index % 2 === 0 ? 'yes' : 'no' })).status).toBe(201);
    }
    const xmins = async (table: string) =>
      (
        (await t.dataSource.query(`SELECT xmin::text AS x FROM ${table} WHERE poll_id = $1`, [poll.body.id])) as {
          x: string;
        }[]
      ).map((row) => row.x);
    // While the poll is open, each cast's two rows share a transaction id: the residual link.
    expect((await xmins('ballots')).sort()).toEqual((await xmins('poll_participations')).sort());

    await s.step(poll.body.id, 'close');
    const ballotXmins = new Set(await xmins('ballots'));
    expect(ballotXmins.size).toBe(1);
    for (const x of await xmins('poll_participations')) expect(ballotXmins.has(x)).toBe(false);
    const heap = (await t.dataSource.query(
      `SELECT encode(tracker, 'hex') AS tracker FROM ballots WHERE poll_id = $1 ORDER BY ctid`,
      [poll.body.id],
    )) as { tracker: string }[];
    const trackers = heap.map((row) => row.tracker);
    expect(trackers).toEqual([...trackers].sort());
  });

  it('refuses to change or delete a ballot afterwards', async () => {
    await expect(t.dataSource.query(`UPDATE ballots SET choice = 0`)).rejects.toThrow(/never changed/);
    await expect(t.dataSource.query(`DELETE FROM ballots`)).rejects.toThrow(/never changed/);
    await expect(t.dataSource.query(`DELETE FROM poll_participations`)).rejects.toThrow(/append-only/);
  });
});
