import { demo2011ResultsFigures } from '../../src/modules/reports/demo-2011-reports';
import { insertAdoptedScoringPeriod } from '../utils/adopted-ranking';
import { insertCompletedHandover } from '../utils/completed-handover';
import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId, head, officer, SECRETARIAT } from '../utils/signed-in';

/**
 * Issue #4 end to end, through HTTP only, as the cluster would live it after the 2011 meeting:
 * the 2012 cycle is opened while 2011 is at voting; its gate waits for adopted rules; the rules
 * are drafted, rejected with a comment, revised and adopted by 5 of the 7 heads (one through a
 * delegation); pinned; amended mid-year and the amendment pinned; a report approved and totalled;
 * the year walked to its end. Every act lands in a ledger that still verifies.
 */
describe('a year of the cluster, through the API', () => {
  let t: TestApp;
  let clusterId: string;
  let cycleId: string;
  let rulesId: string;
  let requestId: string;

  const act = async (email: string, id: string, transition: string, comment?: string) =>
    t.http
      .post(`${API}/approvals/${id}/acts`)
      .set(await asUser(t, email))
      .send({ transition, ...(comment ? { comment } : {}) });
  const advance = async (to: string) =>
    t.http
      .post(`${API}/cycles/${cycleId}/advance`)
      .set(await asUser(t, SECRETARIAT))
      .send({ to });
  const pin = async (rulesVersionId: string) =>
    t.http
      .put(`${API}/cycles/${cycleId}/rules-version`)
      .set(await asUser(t, SECRETARIAT))
      .send({ rulesVersionId });

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t);
  });
  afterAll(() => t.close());

  it('opens 2012 while 2011 is at voting, and moves it to rules adoption', async () => {
    const opened = await t.http
      .post(`${API}/clusters/${clusterId}/cycles`)
      .set(await asUser(t, SECRETARIAT))
      .send({ year: 2012, deadlines: { pledge_signing: '2012-03-31' } });
    expect(opened.status).toBe(201);
    cycleId = opened.body.id;
    expect((await advance('rules_adoption')).status).toBe(200);
  });

  it('refuses pledge signing until adopted rules are pinned, and says why', async () => {
    const refused = await advance('pledge_signing');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('cycle_gate_unmet');
    expect(refused.body.unmet.map((u: { gate: string }) => u.gate)).toEqual(['rules.pinned']);
  });

  it('drafts the rules, a head rejects them with a comment, the secretariat revises them', async () => {
    const drafted = await t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Quy chế khen thưởng Cụm thi đua năm 2012' });
    expect(drafted.status).toBe(201);
    rulesId = drafted.body.id;
    requestId = drafted.body.approval.requestId;
    expect(drafted.body.approval.approvalsRequired).toBe(5);

    // A draft cannot be pinned.
    expect((await pin(rulesId)).body.code).toBe('rules_version_not_adopted');

    expect((await act(SECRETARIAT, requestId, 'propose')).status).toBe(200);
    const rejected = await act(head('cao-bang'), requestId, 'reject', 'Đề nghị tăng điểm tiêu chí phát triển HTX mới.');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'draft', round: 2 });

    const current = (await t.http.get(`${API}/rules-versions/${rulesId}`).set(await asUser(t, SECRETARIAT))).body;
    const content = structuredClone(current.content);
    content.voting.passingThreshold = 0.75;
    const revised = await t.http
      .patch(`${API}/rules-versions/${rulesId}`)
      .set(await asUser(t, SECRETARIAT))
      .send({ content, expectedVersion: current.version });
    expect(revised.status).toBe(200);
  });

  it('adopts them with 5 of the 7 heads, one approving through a delegation', async () => {
    expect((await act(SECRETARIAT, requestId, 'propose')).status).toBe(200);
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang']) {
      const approved = await act(head(code), requestId, 'adopt');
      expect(approved.body).toMatchObject({ state: 'proposed' });
    }

    // Lạng Sơn's head is away: the officer approves for the unit under a recorded delegation.
    const lanSonId = (await t.http.get(`${API}/units?q=lang-son`).set(await asUser(t, SECRETARIAT))).body.items[0].id;
    const officerId = (await t.http.get(`${API}/me`).set(await asUser(t, officer('lang-son')))).body.user.id;
    const delegation = await t.http
      .post(`${API}/delegations`)
      .set(await asUser(t, head('lang-son')))
      .send({ unitId: lanSonId, delegateId: officerId, validTo: new Date(Date.now() + 86400_000).toISOString() });
    expect(delegation.status).toBe(201);
    const adopted = await act(officer('lang-son'), requestId, 'adopt');
    expect(adopted.body).toMatchObject({ state: 'adopted' });
    expect(adopted.body.acts.at(-1)).toMatchObject({
      delegationId: delegation.body.id,
      countedFor: `unit:${lanSonId}`,
    });

    const version = (await t.http.get(`${API}/rules-versions/${rulesId}`).set(await asUser(t, SECRETARIAT))).body;
    expect(version).toMatchObject({ status: 'adopted' });
    const edit = await t.http
      .patch(`${API}/rules-versions/${rulesId}`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Sửa', expectedVersion: version.version });
    expect(edit.body.code).toBe('rules_version_not_draft');
  });

  it('pins the adopted rules, and the gate opens', async () => {
    expect((await pin(rulesId)).status).toBe(200);
    const advanced = await advance('pledge_signing');
    expect(advanced.status).toBe(200);
    expect(advanced.body.phase).toBe('pledge_signing');
  });

  it('once the year is under way, pins only an amendment of the pinned rules', async () => {
    const amendment = await t.http
      .post(`${API}/rules-versions/${rulesId}/amendments`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Sửa đổi Quy chế khen thưởng năm 2012 (sơ kết 6 tháng)' });
    expect(amendment.status).toBe(201);
    expect(amendment.body.replacesId).toBe(rulesId);
    const amendmentRequest = amendment.body.approval.requestId;
    expect((await act(SECRETARIAT, amendmentRequest, 'propose')).status).toBe(200);
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang']) {
      expect((await act(head(code), amendmentRequest, 'adopt')).status).toBe(200);
    }

    // A fresh version (not an amendment) may not replace the pinned rules now…
    const unrelated = await t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Một quy chế khác' });
    const unrelatedRequest = unrelated.body.approval.requestId;
    expect((await act(SECRETARIAT, unrelatedRequest, 'propose')).status).toBe(200);
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang']) {
      await act(head(code), unrelatedRequest, 'adopt');
    }
    expect((await pin(unrelated.body.id)).body.code).toBe('rules_pin_locked');

    // …but its amendment may.
    const pinned = await pin(amendment.body.id);
    expect(pinned.status).toBe(200);
    expect(pinned.body.rulesVersionId).toBe(amendment.body.id);
  });

  it('shows on the dashboard which units still owe their results report, and totals the approved ones', async () => {
    // The year's work needs a sealed pledge (gate pledges.sealed); test/e2e/pledges.spec.ts signs one through the API.
    await insertSealedPledge(t.dataSource, cycleId);
    for (const to of ['in_progress', 'evaluation']) expect((await advance(to)).status).toBe(200);

    const before = (await t.http.get(`${API}/cycles/${cycleId}/dashboard`).set(await asUser(t, SECRETARIAT))).body;
    expect(before.next.phase).toBe('voting');
    expect(before.pending).toHaveLength(7);

    const sonLaId = (await t.http.get(`${API}/units?q=son-la`).set(await asUser(t, SECRETARIAT))).body.items[0].id;
    const drafted = await t.http
      .post(`${API}/cycles/${cycleId}/reports`)
      .set(await asUser(t, officer('son-la')))
      .send({ unitId: sonLaId, ...demo2011ResultsFigures()['son-la'] });
    expect(drafted.status).toBe(201);
    const reportRequest = drafted.body.approval.requestId;
    expect((await act(officer('son-la'), reportRequest, 'submit')).status).toBe(200);
    expect((await act(head('son-la'), reportRequest, 'approve')).body.state).toBe('approved');

    const after = (await t.http.get(`${API}/cycles/${cycleId}/dashboard`).set(await asUser(t, SECRETARIAT))).body;
    expect(after.pending).toHaveLength(6);
    expect(after.pending.map((p: { unitCode: string }) => p.unitCode)).not.toContain('son-la');

    const results = (await t.http.get(`${API}/cycles/${cycleId}/results`).set(await asUser(t, head('lao-cai')))).body;
    expect(results.totals.charterCapitalVnd).toBe(demo2011ResultsFigures()['son-la'].charterCapitalVnd);
    expect(results.missingUnits).toHaveLength(6);
  });

  it('walks the year to its end; a closed cycle moves no more', async () => {
    // The vote needs an adopted ranking (issue #5, gate scoring.ranking_adopted); this walk is about
    // issue #4, so the adopted scoring period is put in place behind the API.
    await insertAdoptedScoringPeriod(t.dataSource, cycleId);
    // …and closing needs the flag handed over (issue #8, gate flag.handed_over), put in place the same way.
    await insertCompletedHandover(t.dataSource, cycleId);
    for (const to of ['voting', 'handover', 'closed']) expect((await advance(to)).status).toBe(200);
    const again = await advance('closed');
    expect(again.body.code).toBe('cycle_closed');
  });

  it('recorded every act in a ledger that still verifies', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, officer('dien-bien')));
    expect(verify.body.valid).toBe(true);
    const actions = (
      (await t.dataSource.query(
        `SELECT DISTINCT action FROM ledger_entries WHERE NOT payload ? 'source' ORDER BY action`,
      )) as { action: string }[]
    ).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'approvals.act_recorded',
        'approvals.delegation_granted',
        'approvals.state_changed',
        'cycles.cycle_opened',
        'cycles.phase_advanced',
        'cycles.rules_pinned',
        'reports.report_approved',
        'rules.version_adopted',
        'rules.version_drafted',
      ]),
    );
  });
});
