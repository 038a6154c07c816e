import { CycleGates } from '../../src/modules/cycles/cycle-gates';
import { insertAdoptedScoringPeriod } from '../utils/adopted-ranking';
import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId } from '../utils/signed-in';

/**
 * Gates registered by other modules, seen from outside: a test module registers a blocking gate
 * that reports which units still owe something, through the same mechanism pledges, ranking,
 * election and flag handover will use. The dashboard shows who owes what; the advance waits.
 */
describe('cycle gates and the dashboard', () => {
  let t: TestApp;
  let clusterId: string;
  let cycleId: string;
  const units = new Map<string, string>(); // code → id
  /** Units whose (pretend) results report is still missing; the test gate reads it. */
  const missingReports = new Set<string>();
  let unsignedPledges: string[] = [];

  const secretariat = () => asUser(t, 'thuky2@thidua.local');
  const advance = async (to: string) =>
    t.http
      .post(`${API}/cycles/${cycleId}/advance`)
      .set(await secretariat())
      .send({ to });
  const dashboard = async () =>
    t.http.get(`${API}/cycles/${cycleId}/dashboard`).set(await asUser(t, 'daibieu.cao-bang@thidua.local'));

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterId = await demoClusterId(t);
    const unitList = await t.http.get(`${API}/units?clusterId=${clusterId}&pageSize=100`).set(admin);
    for (const unit of unitList.body.items as { id: string; code: string }[]) units.set(unit.code, unit.id);

    const gates = t.app.get(CycleGates);
    gates.register({
      key: 'test.reports_submitted',
      phase: 'in_progress',
      description: 'Every member unit has submitted its results report.',
      blocking: true,
      check: async () =>
        [...missingReports].map((unitId) => ({
          gate: 'test.reports_submitted',
          message: 'Results report not submitted',
          unitId,
        })),
    });
    gates.register({
      key: 'test.pledges_reminder',
      phase: 'pledge_signing',
      description: 'Pledges signed so far (reported, never blocking).',
      blocking: false,
      check: async () =>
        unsignedPledges.map((unitId) => ({ gate: 'test.pledges_reminder', message: 'Pledge not signed yet', unitId })),
    });

    const [{ id: adminId }] = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'admin@thidua.local'`)) as {
      id: string;
    }[];
    const [{ id: rulesId }] = (await t.dataSource.query(
      `INSERT INTO rules_versions (cluster_id, number, title, status, content, content_digest, created_by, adopted_at)
       VALUES ($1, 950, 'Quy chế thử', 'adopted', '{}'::jsonb, 'x', $2, now()) RETURNING id`,
      [clusterId, adminId],
    )) as { id: string }[];

    const opened = await t.http
      .post(`${API}/clusters/${clusterId}/cycles`)
      .set(await secretariat())
      .send({ year: 2040 });
    cycleId = opened.body.id;
    expect((await advance('rules_adoption')).status).toBe(200);
    await t.http
      .put(`${API}/cycles/${cycleId}/rules-version`)
      .set(await secretariat())
      .send({ rulesVersionId: rulesId });
    expect((await advance('pledge_signing')).status).toBe(200);
    // The real pledges.sealed gate of in_progress, met here: this spec is about the test gates.
    await insertSealedPledge(t.dataSource, cycleId);
  });
  afterAll(() => t.close());

  it('lists the gates of the next phase, met or not, and who owes what', async () => {
    const laiChau = units.get('lai-chau')!;
    const sonLa = units.get('son-la')!;
    missingReports.add(laiChau).add(sonLa);
    unsignedPledges = [sonLa];

    const board = await dashboard();
    expect(board.status).toBe(200);
    expect(board.body.next.phase).toBe('in_progress');
    expect(board.body.next.gates).toEqual([
      {
        key: 'pledges.sealed',
        description: expect.any(String),
        blocking: true,
        met: true,
        unmet: [],
      },
      {
        key: 'test.reports_submitted',
        description: 'Every member unit has submitted its results report.',
        blocking: true,
        met: false,
        unmet: expect.arrayContaining([
          { gate: 'test.reports_submitted', message: 'Results report not submitted', unitId: laiChau },
        ]),
      },
    ]);
    expect(board.body.pending).toEqual([
      {
        unitId: laiChau,
        unitCode: 'lai-chau',
        unitName: expect.any(String),
        items: ['Results report not submitted'],
      },
      {
        unitId: sonLa,
        unitCode: 'son-la',
        unitName: expect.any(String),
        items: ['Results report not submitted', 'Pledge not signed yet'],
      },
    ]);
  });

  it('refuses the advance while the gate is unmet, naming the units, and allows it once met', async () => {
    const refused = await advance('in_progress');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'cycle_gate_unmet' });
    expect(refused.body.unmet).toHaveLength(2);
    expect(refused.body.unmet).toContainEqual({
      gate: 'test.reports_submitted',
      message: 'Results report not submitted',
      unitId: units.get('lai-chau'),
    });

    missingReports.delete(units.get('lai-chau')!);
    const stillOne = await advance('in_progress');
    expect(stillOne.body.unmet.map((u: { unitId: string }) => u.unitId)).toEqual([units.get('son-la')]);

    missingReports.clear();
    const board = await dashboard();
    expect(board.body.next.gates.find((g: { key: string }) => g.key === 'test.reports_submitted')).toMatchObject({
      met: true,
      unmet: [],
    });
    expect(board.body.pending.map((p: { unitCode: string }) => p.unitCode)).toEqual(['son-la']); // the reminder only

    const moved = await advance('in_progress');
    expect(moved.status).toBe(200);
    expect(moved.body.phase).toBe('in_progress');
    // A non-blocking gate of a phase already entered is no longer asked.
    expect((await dashboard()).body.pending).toEqual([]);
  });

  it('two advances of the same cycle at once: one moves it, the other gets a 409', async () => {
    const [first, second] = await Promise.all([advance('evaluation'), advance('evaluation')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.code).toBe('phase_backwards');

    const board = await dashboard();
    expect(board.body.cycle.phase).toBe('evaluation');
    expect(board.body.history.filter((h: { toPhase: string }) => h.toPhase === 'evaluation')).toHaveLength(1);
    const entries = await t.http
      .get(`${API}/ledger/entries?subjectType=cycle&subjectId=${cycleId}&action=cycles.phase_advanced&pageSize=100`)
      .set(await secretariat());
    expect(entries.body.items.filter((e: { payload: { to: string } }) => e.payload.to === 'evaluation')).toHaveLength(
      1,
    );
  });

  it('two concurrent advances with the same expectedVersion: one wins, the other is a version conflict', async () => {
    // Voting needs an adopted ranking (gate scoring.ranking_adopted); not what this test is about.
    await insertAdoptedScoringPeriod(t.dataSource, cycleId);
    const version = (await dashboard()).body.cycle.version;
    const send = async () =>
      t.http
        .post(`${API}/cycles/${cycleId}/advance`)
        .set(await secretariat())
        .send({ to: 'voting', expectedVersion: version });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('version_conflict');
  });

  it('the ledger verifies', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(await secretariat());
    expect(verify.body.valid).toBe(true);
  });
});
