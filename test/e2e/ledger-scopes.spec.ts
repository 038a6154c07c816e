import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerScopeInvitations1796293399703 } from '../../migrations/1796293399703-ledger-scope-invitations';
import { DEMO_CODES, demoIds, meetingSteps, type DemoIds } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { DEMO_ADMIN, SECRETARIAT, signInWith } from '../utils/signed-in';

/**
 * The ledger's read scope covers every subject the code appends (docs/read-model.md): an
 * invitation of the registry and the counting board of a poll are read by the secretariat of
 * their cluster and not by another cluster's, like every other entry. Before the migration
 * 1796293399703, invitations had no scope: only administrators and their author read them.
 */
describe('ledger read scope of every subject type', () => {
  let t: TestApp;
  let ids: DemoIds;
  const SECRETARIAT_B = 'thuky.cum-c@thidua.local';
  const HEAD_NEW = 'chutich.don-vi-moi@thidua.local';
  const PASSWORD = 'một cụm thi đua khác 2030';
  let invitationId: string;
  let pollId: string;

  let as: ReturnType<typeof signInWith>;
  const entries = async (query: string, email: string) => {
    const res = await t.http.get(`${API}/ledger/entries?${query}`).set(await as(email));
    expect(res.status).toBe(200);
    return res.body.items as { action: string; payload: unknown; payloadWithheld: boolean }[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    as = signInWith(t, { [SECRETARIAT_B]: PASSWORD, [HEAD_NEW]: PASSWORD });
    ids = await demoIds(t);
    const admin = await as(DEMO_ADMIN);
    // A second cluster with its secretariat, and a unit in no cluster with its head (written directly:
    // who may create them is not this spec's subject).
    const [{ id: clusterB }] = (await t.dataSource.query(
      `INSERT INTO clusters (code, name) VALUES ('cum-c', 'Cụm thi đua C') RETURNING id`,
    )) as { id: string }[];
    const [{ id: newUnit }] = (await t.dataSource.query(
      `INSERT INTO units (code, name, kind) VALUES ('don-vi-moi', 'Đơn vị mới', (SELECT kind FROM units WHERE code = 'son-la'))
       RETURNING id`,
    )) as { id: string }[];
    for (const [email, role, unitId, clusterId] of [
      [SECRETARIAT_B, 'secretariat', null, clusterB],
      [HEAD_NEW, 'head', newUnit, null],
    ] as const) {
      const created = await t.http.post(`${API}/users`).set(admin).send({ email, fullName: email, password: PASSWORD });
      expect(created.status).toBe(201);
      await t.dataSource.query(
        `INSERT INTO mandates (user_id, role, unit_id, cluster_id, valid_from) VALUES ($1, $2, $3, $4, '2011-01-01')`,
        [created.body.id, role, unitId, clusterId],
      );
    }

    // An administrator invites the new unit to the demo cluster: its secretariat is not the author.
    const invited = await t.http
      .post(`${API}/clusters/${ids.clusterId}/invitations`)
      .set(admin)
      .send({ unitId: newUnit, joinedOn: '2031-01-01' });
    expect(invited.status).toBe(201);
    invitationId = invited.body.id;

    // A counting board proposed for a poll of the demo cluster's meeting.
    const s = meetingSteps(t, ids);
    const meetingId = await s.createMeeting();
    for (const code of DEMO_CODES) expect((await s.checkIn(meetingId, code)).status).toBe(201);
    const poll = await s.createPoll(meetingId, { kind: 'motion', title: 'Thông qua', motionText: 'Đồng ý?' });
    expect(poll.status).toBe(201);
    pollId = poll.body.id;
    const proposed = await s.proposeBoard(pollId, ['daibieu.lang-son@thidua.local', 'daibieu.lao-cai@thidua.local']);
    expect(proposed.status).toBe(200);
  });
  afterAll(() => t.close());

  it("an invitation is read by the inviting cluster's secretariat and the invited unit's head, not by another cluster's secretariat", async () => {
    const query = `subjectType=cluster_invitation&subjectId=${invitationId}`;
    for (const email of [SECRETARIAT, HEAD_NEW]) {
      expect({ email, entries: await entries(query, email) }).toEqual({
        email,
        entries: [expect.objectContaining({ action: 'registry.invitation_sent', payloadWithheld: false })],
      });
    }
    expect(await entries(query, SECRETARIAT_B)).toEqual([]);
  });

  it("a counting board's entry is read by the cluster's secretariat, not by another cluster's secretariat", async () => {
    const query = `action=elections.counting_board_proposed&subjectId=${pollId}`;
    expect(await entries(query, SECRETARIAT)).toEqual([
      expect.objectContaining({ action: 'elections.counting_board_proposed', payloadWithheld: false }),
    ]);
    expect(await entries(query, SECRETARIAT_B)).toEqual([]);
  });

  it('the migration gives invitation entries appended before it their scope', async () => {
    const [{ seq }] = (await t.dataSource.query(
      `SELECT seq::text FROM ledger_entries WHERE subject_type = 'cluster_invitation' AND subject_id = $1`,
      [invitationId],
    )) as { seq: string }[];
    // As the entry was scoped before the migration: nobody's.
    await t.dataSource.query(`UPDATE ledger_entry_scopes SET cluster_id = NULL, unit_id = NULL WHERE seq = $1`, [seq]);
    expect(await entries(`subjectType=cluster_invitation&subjectId=${invitationId}`, SECRETARIAT)).toEqual([]);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new LedgerScopeInvitations1796293399703().up(runner);
    } finally {
      await runner.release();
    }
    const [scope] = (await t.dataSource.query(`SELECT cluster_id FROM ledger_entry_scopes WHERE seq = $1`, [seq])) as {
      cluster_id: string;
    }[];
    expect(scope.cluster_id).toBe(ids.clusterId);
    expect(await entries(`subjectType=cluster_invitation&subjectId=${invitationId}`, SECRETARIAT)).toHaveLength(1);
  });

  it('resolves every subject type the code appends, except the people and keys that belong to nobody', async () => {
    const NOBODY = new Set(['user', 'signing_key']);
    const appended = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory()
          ? walk(path)
          : path.endsWith('.ts') && !path.endsWith('.spec.ts')
            ? [path]
            : [];
      });
    for (const file of walk(join(__dirname, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      // Literal subject types, and the module constants the others name (`…_SUBJECT… = '…'`).
      for (const [, type] of text.matchAll(/subjectType: '([a-z_]+)'/g)) appended.add(type);
      for (const [, type] of text.matchAll(/_SUBJECT\w* = '([a-z_]+)'/g)) appended.add(type);
      for (const [, type] of text.matchAll(/record\(\s*'[a-z_.]+',\s*'([a-z_]+)'/g)) appended.add(type);
    }
    expect(appended.size).toBeGreaterThan(20);
    const [{ definition }] = (await t.dataSource.query(
      `SELECT pg_get_functiondef('ledger_subject_scope(text, text)'::regprocedure) AS definition`,
    )) as { definition: string }[];
    const resolved = new Set([...definition.matchAll(/WHEN '([a-z_]+)' THEN/g)].map(([, type]) => type));
    expect([...appended].filter((type) => !resolved.has(type) && !NOBODY.has(type)).sort()).toEqual([]);
    expect(resolved.has('cluster_invitation')).toBe(true);
  });
});
