import { SOURCE_2011_TOTALS } from '../../src/modules/reports/demo-2011-reports';
import { replay2011, type Replay2011Result } from '../../src/demo/replay-2011.scenario';
import { pdfText } from '../utils/pdf-text';
import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId } from '../utils/signed-in';

/**
 * `npm run demo:2011` as a test: the same scenario, driven through the generated client
 * (src/api-client) against the real application listening on 127.0.0.1, on a migrated database
 * holding nothing but the first administrator (ADMIN_EMAIL). It must end as the source does — the totals of the report, Sơn La elected (the
 * outgoing leader Lạng Sơn refused by the rotation rule) and holding the flag — with the 2011
 * cycle closed, the ledger and the pledge bundle valid, and the records served as PDFs.
 */
describe('the 2011 meeting, replayed through the API', () => {
  let t: TestApp;
  let result: Replay2011Result;
  const printed: string[] = [];
  const ADMIN = { email: 'quantri@thidua.local', password: 'replay-admin-password-2011' };

  beforeAll(async () => {
    process.env.ADMIN_EMAIL = ADMIN.email;
    process.env.ADMIN_PASSWORD = ADMIN.password;
    t = await createTestApp({ empty: true });
    await t.app.listen(0, '127.0.0.1');
    result = await replay2011({
      baseUrl: (await t.app.getUrl()).replace('[::1]', '127.0.0.1'),
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      peoplePassword: DEMO_PASSWORD,
      log: (line) => printed.push(line),
    });
  }, 300_000);
  afterAll(async () => {
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
    await t.close();
  });

  it('started from an empty database: the first entry of the ledger is the first administrator', async () => {
    const [first] = (await t.dataSource.query(`SELECT action, payload FROM ledger_entries ORDER BY seq LIMIT 1`)) as {
      action: string;
      payload: Record<string, unknown>;
    }[];
    expect(first).toMatchObject({ action: 'mandates.mandate_granted', payload: { source: 'admin-bootstrap' } });
    const [demo] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE payload->>'source' = 'demo-data'`,
    )) as { n: number }[];
    expect(demo.n).toBe(0);
  });

  it("totals the units' approved reports exactly as the source: 2,006 cooperatives, 1,269.5 billion VND…", async () => {
    expect(result.outcome.totals).toEqual(SOURCE_2011_TOTALS);
    // The first administrator signs in with ADMIN_PASSWORD; everyone else has the replay's password.
    const admin = { Authorization: `Bearer ${(await t.login(ADMIN.email, ADMIN.password)).accessToken}` };
    const clusterId = await demoClusterId(t, admin);
    const cycles = await t.http.get(`${API}/clusters/${clusterId}/cycles`).set(admin);
    const results = await t.http.get(`${API}/cycles/${cycles.body.items[0].id}/results`).set(admin);
    expect(results.body.totals).toEqual(SOURCE_2011_TOTALS);
    expect(results.body.missingUnits).toEqual([]);
  });

  it('sealed the pledge of the 7 heads, countersigned by the 2011 leader; the bundle verifies offline', () => {
    expect(result.outcome.pledgeBundle).toEqual({ valid: true, problems: [], signatures: 8 });
  });

  it('adopted a ranking with Sơn La first', () => {
    expect(result.outcome.ranking?.[0]).toMatchObject({ unitCode: 'son-la', rank: 1 });
    expect(result.outcome.ranking).toHaveLength(7);
  });

  it('refused the outgoing leader Lạng Sơn as a candidate, and elected Sơn La by 6 of 7 secret ballots', () => {
    expect(result.outcome.quorum).toMatchObject({ present: 7, members: 7, met: true });
    expect(result.outcome.refusedCandidate).toMatchObject({ unitCode: 'lang-son', refusalCode: 'outgoing_leader' });
    expect(result.outcome.refusedCandidate?.refusalReason).toEqual(expect.any(String));
    expect(result.outcome.election).toMatchObject({ winnerCode: 'son-la', votes: 6, ballots: 7 });
    expect(result.outcome.leader2012).toEqual({ unitCode: 'son-la', basis: 'election' });
  });

  it('handed the flag to Sơn La: Lạng Sơn held it, it was in transit, Sơn La holds it', () => {
    expect(result.outcome.custody).toEqual([
      expect.objectContaining({ position: 1, state: 'held', custodian: 'lang-son', cause: 'registered' }),
      expect.objectContaining({ position: 2, state: 'in_transit', custodian: null }),
      expect.objectContaining({ position: 3, state: 'held', custodian: 'son-la' }),
    ]);
  });

  it('closed the 2011 cycle with a ledger that verifies', async () => {
    expect(result.outcome.cyclePhase).toBe('closed');
    expect(result.outcome.ledger?.valid).toBe(true);
    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, 'daibieu.lao-cai@thidua.local'));
    expect(verify.body).toMatchObject({ valid: true, length: result.outcome.ledger?.length });
  });

  it('served the signed records as PDFs in Vietnamese, with the figures exactly', async () => {
    const documents = result.outcome.documents ?? [];
    expect(documents.map((d) => d.name)).toEqual([
      'ket-qua-kinh-te-tap-the-2011.pdf',
      'giao-uoc-thi-dua-2011.pdf',
      'bien-ban-kiem-phieu-bau-cum-truong-2012.pdf',
      'bien-ban-ban-giao-co-luan-luu.pdf',
    ]);
    for (const document of documents) {
      expect(document.bytes.length).toBeGreaterThan(1000);
      expect(document.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const text = async (name: string) =>
      (await pdfText(documents.find((d) => d.name === name)!.bytes)).replace(/\s+/g, ' ');
    const results = await text('ket-qua-kinh-te-tap-the-2011.pdf');
    expect(results).toContain('Tổng cộng 2.006 1.269.500.000.000 54.213 15.232 16.148 96 78');
    expect(results).toContain('Liên minh Hợp tác xã tỉnh Sơn La 482 348.200.000.000');
    const pledge = await text('giao-uoc-thi-dua-2011.pdf');
    expect(pledge).toContain('Đơn vị đã ký 7/7');
    expect(pledge).toContain('đẩy mạnh tuyên truyền Luật HTX');
    const counting = await text('bien-ban-kiem-phieu-bau-cum-truong-2012.pdf');
    expect(counting).toContain('Liên minh Hợp tác xã tỉnh Sơn La');
    expect(counting).toContain('Liên minh Hợp tác xã tỉnh Lạng Sơn');
    const handover = await text('bien-ban-ban-giao-co-luan-luu.pdf');
    expect(handover).toContain('Liên minh Hợp tác xã tỉnh Sơn La');
    expect(handover).toContain('Liên minh Hợp tác xã tỉnh Lạng Sơn');
  });

  it('printed each of the 8 steps with the ledger head after it, the chain growing at every step', () => {
    expect(result.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const lengths = result.steps.map((s) => s.ledger.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(new Set(lengths).size).toBe(8);
    expect(printed.filter((line) => line.includes('ledger:'))).toHaveLength(8);
    expect(printed.join('\n')).toContain('2,006 cooperatives; 1,269,500,000,000 VND');
  });
});
