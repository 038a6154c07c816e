import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, delegate, demoClusterId } from '../utils/signed-in';

/** The demo data is the source text's cluster on the morning of its 21 November 2011 meeting. */
describe('the demo 2011 cycle', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let clusterId: string;
  let cycleId: string;

  beforeAll(async () => {
    t = await createTestApp();
    auth = await asUser(t, delegate('lang-son'));
    clusterId = await demoClusterId(t, auth);
    const cycles = await t.http.get(`${API}/clusters/${clusterId}/cycles`).set(auth);
    cycleId = cycles.body.items.find((c: { year: number }) => c.year === 2011).id;
  });
  afterAll(() => t.close());

  it('is at voting (the meeting), under reward rules version 1 adopted by the heads', async () => {
    const cycle = await t.http.get(`${API}/cycles/${cycleId}`).set(auth);
    expect(cycle.body).toMatchObject({ year: 2011, phase: 'voting' });
    const rules = await t.http.get(`${API}/rules-versions/${cycle.body.rulesVersionId}`).set(auth);
    expect(rules.body).toMatchObject({ number: 1, status: 'adopted', maxPoints: 100 });
    expect(rules.body.approval).toMatchObject({ state: 'adopted', approvalsRequired: 5 });
  });

  it("totals the 7 units' approved reports to exactly the source's figures", async () => {
    const results = await t.http.get(`${API}/cycles/${cycleId}/results`).set(auth);
    expect(results.status).toBe(200);
    expect(results.body.totals).toEqual({
      cooperatives: 2006,
      charterCapitalVnd: '1269500000000',
      membersAndWorkers: 54213,
      cooperativeGroups: 15232,
      groupMembers: 16148,
      newCooperatives: 96,
      newMemberCooperatives: 78,
    });
    expect(results.body.totals.membersAndWorkers).toBeGreaterThan(54000);
    expect(results.body.totals.groupMembers).toBeGreaterThan(16000);
    expect(results.body.units).toHaveLength(7);
    expect(results.body.missingUnits).toEqual([]);
  });

  it('exports the table as CSV with the Vietnamese names intact', async () => {
    const csv = await t.http.get(`${API}/cycles/${cycleId}/results.csv`).set(auth);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Liên minh Hợp tác xã tỉnh Sơn La');
    expect(csv.text).toContain('1269500000000');
  });

  it('keeps every step of that history in a ledger that verifies', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(auth);
    expect(verify.body.valid).toBe(true);
    const [{ n }] = (await t.dataSource.query(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'reports.report_approved'",
    )) as { n: number }[];
    expect(n).toBe(7);
  });
});
