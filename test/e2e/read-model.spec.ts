import { API, createTestApp, type TestApp } from '../utils/test-app';
import { DEMO_ADMIN, demoClusterId, signInWith } from '../utils/signed-in';

/**
 * Who may read what (#12 §3, docs/read-model.md), tried as an attacker would: the secretariat and
 * a unit head of a second cluster, and another unit of the same cluster, ask for the demo
 * cluster's drafts — a unit's draft results report, draft pledge targets, draft score sheet, a
 * draft of the rules — through every route that shows them, the ledger included.
 */
describe('read model', () => {
  let t: TestApp;
  const SECRETARIAT_A = 'thuky1@thidua.local';
  const OFFICER = 'canbo.son-la@thidua.local';
  const HEAD = 'chutich.son-la@thidua.local';
  const OTHER_UNIT_SAME_CLUSTER = 'chutich.lai-chau@thidua.local';
  const SECRETARIAT_B = 'thuky.cum-b@thidua.local';
  const HEAD_B = 'chutich.don-vi-b@thidua.local';
  const PASSWORD = 'một cụm thi đua khác 2030';

  let clusterA: string;
  let clusterB: string;
  let sonLa: string;
  let evaluationCycle: string;
  let reportId: string;
  let reportRequestId: string;
  let periodId: string;
  let pledgeId: string;
  let unitPledgeId: string;
  let rulesDraftId: string;

  let as: ReturnType<typeof signInWith>;
  const get = async (path: string, email: string) => t.http.get(`${API}${path}`).set(await as(email));
  const refused = (res: { status: number; body: { code?: string } }) => [403, 404].includes(res.status);

  beforeAll(async () => {
    t = await createTestApp();
    as = signInWith(t, { [SECRETARIAT_B]: PASSWORD, [HEAD_B]: PASSWORD });
    const admin = await as(DEMO_ADMIN);
    clusterA = await demoClusterId(t);
    [{ id: sonLa }] = (await t.dataSource.query(`SELECT id FROM units WHERE code = 'son-la'`)) as { id: string }[];
    const [{ id: rulesV1 }] = (await t.dataSource.query(
      `SELECT id FROM rules_versions WHERE cluster_id = $1 AND number = 1`,
      [clusterA],
    )) as { id: string }[];

    // The second cluster, its unit and its people (written directly: who may create them is not this spec's subject).
    [{ id: clusterB }] = (await t.dataSource.query(
      `INSERT INTO clusters (code, name) VALUES ('cum-b', 'Cụm thi đua B') RETURNING id`,
    )) as { id: string }[];
    const [{ id: unitB }] = (await t.dataSource.query(
      `INSERT INTO units (code, name, kind) VALUES ('don-vi-b', 'Đơn vị B', (SELECT kind FROM units WHERE id = $1)) RETURNING id`,
      [sonLa],
    )) as { id: string }[];
    await t.dataSource.query(
      `INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on) VALUES ($1, $2, '2011-01-01')`,
      [clusterB, unitB],
    );
    for (const [email, role, scope] of [
      [SECRETARIAT_B, 'secretariat', { clusterId: clusterB }],
      [HEAD_B, 'head', { unitId: unitB }],
    ] as const) {
      const created = await t.http.post(`${API}/users`).set(admin).send({ email, fullName: email, password: PASSWORD });
      expect(created.status).toBe(201);
      await t.dataSource.query(
        `INSERT INTO mandates (user_id, role, unit_id, cluster_id, valid_from) VALUES ($1, $2, $3, $4, '2011-01-01')`,
        [created.body.id, role, 'unitId' in scope ? scope.unitId : null, 'clusterId' in scope ? scope.clusterId : null],
      );
    }

    // Drafts of the demo cluster: Sơn La's results report and self score (2030, evaluation) …
    [{ id: evaluationCycle }] = (await t.dataSource.query(
      `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2030, 'evaluation', $2) RETURNING id`,
      [clusterA, rulesV1],
    )) as { id: string }[];
    const report = await t.http
      .post(`${API}/cycles/${evaluationCycle}/reports`)
      .set(await as(OFFICER))
      .send({
        unitId: sonLa,
        cooperatives: 131,
        charterCapitalVnd: '57400000001',
        membersAndWorkers: 3401,
        cooperativeGroups: 901,
        groupMembers: 961,
        newCooperatives: 7,
        newMemberCooperatives: 5,
      });
    expect(report.status).toBe(201);
    reportId = report.body.id;
    reportRequestId = report.body.approval.requestId;
    [{ id: periodId }] = (await t.dataSource.query(
      `INSERT INTO scoring_periods (cycle_id, name, rules_version_id, self_scoring_due, explanation_due, status, created_by)
       SELECT $1, 'Đợt chấm 2030', $2, '2099-11-10', '2099-11-20', 'open', u.id FROM users u WHERE u.email = $3
       RETURNING id`,
      [evaluationCycle, rulesV1, DEMO_ADMIN],
    )) as { id: string }[];
    const scored = await t.http
      .put(`${API}/scoring-periods/${periodId}/units/${sonLa}/entries/A1`)
      .set(await as(OFFICER))
      .send({ selfScore: 9 });
    expect(scored.status).toBe(200);

    // … its draft pledge targets (2031, pledge signing) and a draft of new rules.
    const [{ id: pledgeCycle }] = (await t.dataSource.query(
      `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2031, 'pledge_signing', $2) RETURNING id`,
      [clusterA, rulesV1],
    )) as { id: string }[];
    const pledge = await t.http
      .post(`${API}/cycles/${pledgeCycle}/pledges`)
      .set(await as(SECRETARIAT_A))
      .send({ sharedText: 'Cam kết năm 2031' });
    expect(pledge.status).toBe(201);
    pledgeId = pledge.body.id;
    [{ id: unitPledgeId }] = (await t.dataSource.query(
      `SELECT id FROM unit_pledges WHERE pledge_id = $1 AND unit_id = $2`,
      [pledgeId, sonLa],
    )) as { id: string }[];
    const targets = await t.http
      .put(`${API}/unit-pledges/${unitPledgeId}/targets`)
      .set(await as(OFFICER))
      .send({ targets: [{ indicator: 'Số HTX thành lập mới', unitOfMeasure: 'HTX', targetValue: '987654' }] });
    expect(targets.status).toBe(200);
    const rules = await t.http
      .post(`${API}/clusters/${clusterA}/rules-versions`)
      .set(await as(SECRETARIAT_A))
      .send({ title: 'Dự thảo quy chế 2031' });
    expect(rules.status).toBe(201);
    rulesDraftId = rules.body.id;
  });
  afterAll(() => t.close());

  const DRAFT_ROUTES = () => [
    `/reports/${reportId}`,
    `/approvals/${reportRequestId}`,
    `/scoring-periods/${periodId}/units/${sonLa}/sheet`,
    `/scoring-periods/${periodId}/units/${sonLa}/entries/A1/history`,
    `/scoring-periods/${periodId}/units/${sonLa}/entries/A1/evidence`,
    `/unit-pledges/${unitPledgeId}`,
  ];
  // The document to sign exists once the head approved the targets (409 before, for the unit).
  const ATTACKED_ROUTES = () => [...DRAFT_ROUTES(), `/unit-pledges/${unitPledgeId}/document`];

  describe.each([
    ['the secretariat of another cluster', SECRETARIAT_B],
    ['the head of a unit of another cluster', HEAD_B],
    ['the head of another unit of the same cluster', OTHER_UNIT_SAME_CLUSTER],
  ])("a unit's drafts, read by %s", (_who, email) => {
    it('are refused on every route that shows one', async () => {
      const answers: Record<string, number> = {};
      for (const path of ATTACKED_ROUTES()) answers[path] = (await get(path, email)).status;
      expect(Object.entries(answers).filter(([, status]) => ![403, 404].includes(status))).toEqual([]);
    });

    it('never appear in a list', async () => {
      const reports = await get(`/cycles/${evaluationCycle}/reports?pageSize=100`, email);
      if (!refused(reports)) expect(JSON.stringify(reports.body)).not.toContain(reportId);
      const pledge = await get(`/pledges/${pledgeId}`, email);
      if (!refused(pledge)) expect(JSON.stringify(pledge.body)).not.toContain('987654');
      const progress = await get(`/cycles/${evaluationCycle}/pledge-progress`, email);
      if (!refused(progress)) expect(JSON.stringify(progress.body)).not.toContain('987654');
      // Summaries are built from approved, signed or submitted work only.
      for (const path of [
        `/cycles/${evaluationCycle}/dashboard`,
        `/cycles/${evaluationCycle}/results`,
        `/cycles/${evaluationCycle}/results.csv`,
        `/scoring-periods/${periodId}/ranking?stage=self`,
      ]) {
        const res = await get(path, email);
        const text = res.text ?? JSON.stringify(res.body);
        expect({ path, leaks: text.includes('57400000001') || text.includes('3401') }).toEqual({ path, leaks: false });
        if (path.includes('ranking') && res.status === 200)
          expect(JSON.stringify(res.body.rows ?? null)).not.toContain(sonLa);
      }
    });

    it('never leave through the ledger', async () => {
      const entries = await get(`/ledger/entries?pageSize=100`, email);
      expect(entries.status).toBe(200);
      const text = JSON.stringify(entries.body);
      expect(text).not.toContain('987654');
      expect(text).not.toContain('57400000001');
      for (const entry of entries.body.items as { action: string; payload: unknown; payloadWithheld: boolean }[]) {
        if (['pledges.targets_set', 'reports.report_drafted', 'scoring.self_score_entered'].includes(entry.action)) {
          expect(entry).toMatchObject({ payload: null, payloadWithheld: true });
        }
      }
    });
  });

  describe.each([
    ['the secretariat of another cluster', SECRETARIAT_B],
    ['the head of a unit of another cluster', HEAD_B],
  ])("a cluster's own drafts and entries, read by %s", (_who, email) => {
    it('the draft rules are refused', async () => {
      expect(refused(await get(`/rules-versions/${rulesDraftId}`, email))).toBe(true);
      const list = await get(`/clusters/${clusterA}/rules-versions?pageSize=100`, email);
      if (!refused(list)) expect(JSON.stringify(list.body)).not.toContain(rulesDraftId);
    });

    it('the ledger lists none of its entries', async () => {
      const res = await get(`/ledger/entries?pageSize=100`, email);
      const [{ count }] = (await t.dataSource.query(
        `SELECT count(*)::int AS count FROM ledger_entry_scopes s
          WHERE s.cluster_id = $1 OR s.unit_id IN (SELECT unit_id FROM cluster_memberships WHERE cluster_id = $1)`,
        [clusterA],
      )) as { count: number }[];
      expect(count).toBeGreaterThan(50);
      const seqs = (res.body.items as { seq: string }[]).map((e) => e.seq);
      const ofA = (await t.dataSource.query(
        `SELECT seq::text FROM ledger_entry_scopes s
          WHERE (s.cluster_id = $1 OR s.unit_id IN (SELECT unit_id FROM cluster_memberships WHERE cluster_id = $1))
            AND seq::text = ANY($2)`,
        [clusterA, seqs],
      )) as unknown[];
      expect(ofA).toEqual([]);
    });
  });

  describe('the people the drafts belong to', () => {
    it("the unit's officer and head, and the cluster's secretariat, read every draft", async () => {
      for (const email of [OFFICER, HEAD, SECRETARIAT_A]) {
        for (const path of DRAFT_ROUTES()) {
          const res = await get(path, email);
          expect({ email, path, status: res.status }).toEqual({ email, path, status: 200 });
        }
      }
    });

    it('read the payloads of their drafts in the ledger', async () => {
      for (const email of [OFFICER, SECRETARIAT_A]) {
        const res = await get(`/ledger/entries?action=pledges.targets_set&subjectId=${unitPledgeId}`, email);
        expect(res.body.items).toEqual([
          expect.objectContaining({ payloadWithheld: false, payload: expect.objectContaining({}) }),
        ]);
        expect(JSON.stringify(res.body.items[0].payload)).toContain('987654');
      }
    });

    it('an administrator reads every entry, and anyone signed in still verifies the whole chain', async () => {
      const all = await get(`/ledger/entries?pageSize=1`, DEMO_ADMIN);
      const head = await get(`/ledger/head`, HEAD_B);
      expect(all.body.total).toBe(head.body.length);
      const verified = await get(`/ledger/verify`, HEAD_B);
      expect(verified.body).toMatchObject({ valid: true, length: head.body.length });
    });

    it('another unit of the cluster sees that a draft exists, with its digest, but not what it says', async () => {
      const res = await get(
        `/ledger/entries?action=pledges.targets_set&subjectId=${unitPledgeId}`,
        OTHER_UNIT_SAME_CLUSTER,
      );
      expect(res.body.items).toEqual([
        expect.objectContaining({
          payload: null,
          payloadWithheld: true,
          payloadDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      ]);
    });
  });
});
