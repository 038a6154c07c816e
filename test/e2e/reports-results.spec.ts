import { randomUUID } from 'node:crypto';
import { CycleGates } from '../../src/modules/cycles/cycle-gates';
import type { Cycle } from '../../src/modules/cycles/cycle.entity';
import { demo2011ResultsFigures, SOURCE_2011_TOTALS } from '../../src/modules/reports/demo-2011-reports';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId, head, officer, unitIdsByCode } from '../utils/signed-in';
import { asBytes } from '../utils/bytes';

/** The cluster's totals for a cycle: only approved reports count, summed exactly, exported as CSV. */
describe('cycle results', () => {
  let t: TestApp;
  let clusterId: string;
  const unitIds: Record<string, string> = {};

  const figures = (overrides: Record<string, unknown> = {}) => ({
    cooperatives: 10,
    charterCapitalVnd: '1000000000',
    membersAndWorkers: 100,
    cooperativeGroups: 20,
    groupMembers: 25,
    newCooperatives: 1,
    newMemberCooperatives: 1,
    ...overrides,
  });

  async function insertCycle(year: number): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(`INSERT INTO cycles (id, cluster_id, year, phase) VALUES ($1, $2, $3, 'evaluation')`, [
      id,
      clusterId,
      year,
    ]);
    return id;
  }

  async function act(requestId: string, email: string, transition: string) {
    const res = await t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await asUser(t, email))
      .send({ transition });
    expect(res.status).toBe(200);
  }

  async function draft(cycleId: string, code: string, body: Record<string, unknown>) {
    const res = await t.http
      .post(`${API}/cycles/${cycleId}/reports`)
      .set(await asUser(t, officer(code)))
      .send({ unitId: unitIds[code], ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; approval: { requestId: string } };
  }

  async function approve(report: { approval: { requestId: string } }, code: string) {
    await act(report.approval.requestId, officer(code), 'submit');
    await act(report.approval.requestId, head(code), 'approve');
  }

  const results = async (cycleId: string, email = 'daibieu.son-la@thidua.local') =>
    t.http.get(`${API}/cycles/${cycleId}/results`).set(await asUser(t, email));

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
  });
  afterAll(() => t.close());

  describe("the source's 2011 figures, reported by the 7 units", () => {
    let cycleId: string;

    beforeAll(async () => {
      cycleId = await insertCycle(2031);
      for (const [code, unitFigures] of Object.entries(demo2011ResultsFigures())) {
        await approve(await draft(cycleId, code, unitFigures), code);
      }
    });

    it('add up exactly to the totals of the 2011 meeting, with no unit missing', async () => {
      const res = await results(cycleId);

      expect(res.status).toBe(200);
      expect(res.body.cycle).toEqual({ id: cycleId, year: 2031, clusterId });
      expect(res.body.totals).toEqual(SOURCE_2011_TOTALS);
      expect(res.body.totals.charterCapitalVnd).toBe('1269500000000');
      expect(res.body.units).toHaveLength(7);
      expect(res.body.missingUnits).toEqual([]);
      expect(res.body.units.find((u: { unitCode: string }) => u.unitCode === 'son-la')).toMatchObject({
        unitName: 'Liên minh Hợp tác xã tỉnh Sơn La',
        number: 1,
        reportId: expect.any(String),
        ...demo2011ResultsFigures()['son-la'],
      });
    });

    it('export as CSV: UTF-8 with a BOM, Vietnamese header and names, one row per unit, then the total', async () => {
      const res = await t.http
        .get(`${API}/cycles/${cycleId}/results.csv`)
        .set(await asUser(t, 'daibieu.lai-chau@thidua.local'))
        .buffer(true)
        .parse(asBytes);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*2031\.csv"$/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'Đơn vị,Số HTX,Vốn điều lệ (đồng),Thành viên và người lao động,Tổ hợp tác,Tổ viên,HTX thành lập mới,Thành viên HTX kết nạp mới',
      );
      expect(lines).toContain('Liên minh Hợp tác xã tỉnh Sơn La,482,348200000000,13420,3610,3830,22,18');
      expect(lines).toContain('Liên minh Hợp tác xã tỉnh Lạng Sơn,395,291750000000,10865,3025,3205,19,15');
      expect(lines.slice(-2)).toEqual(['Tổng cộng,2006,1269500000000,54213,15232,16148,96,78', '']);
      expect(lines).toHaveLength(1 + 7 + 1 + 1);
    });
  });

  describe('a cycle in progress, with capital near 10^17 and units still missing', () => {
    let cycleId: string;
    let dienBien: { id: string; approval: { requestId: string } };
    // As doubles: 99999999999999999 is 1e17, and the float sum would be 110000000000000000.
    const BIG = ['99999999999999999', '10000000000000001', '3'];

    beforeAll(async () => {
      cycleId = await insertCycle(2032);
      await approve(
        await draft(cycleId, 'son-la', figures({ charterCapitalVnd: BIG[0], cooperatives: 2_000_000_000 })),
        'son-la',
      );
      await approve(
        await draft(cycleId, 'lai-chau', figures({ charterCapitalVnd: BIG[1], cooperatives: 2_000_000_000 })),
        'lai-chau',
      );
      dienBien = await draft(cycleId, 'dien-bien', figures({ charterCapitalVnd: BIG[2] }));
      await approve(dienBien, 'dien-bien');
      await draft(cycleId, 'ha-giang', figures());
      const caoBang = await draft(cycleId, 'cao-bang', figures());
      await act(caoBang.approval.requestId, officer('cao-bang'), 'submit');
    });

    it('sums capital exactly (no float rounding) and counts beyond 32 bits', async () => {
      const res = await results(cycleId);

      expect(res.status).toBe(200);
      expect(res.body.totals.charterCapitalVnd).toBe('110000000000000003');
      // What a sum through floats would have answered:
      expect(String(Number(BIG[0]) + Number(BIG[1]) + Number(BIG[2]))).toBe('110000000000000000');
      expect(res.body.totals.cooperatives).toBe(4_000_000_010);
      expect(res.body.units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual([
        'dien-bien',
        'lai-chau',
        'son-la',
      ]);
    });

    it('lists the units without an approved report, with the status of their draft if any', async () => {
      const res = await results(cycleId);

      const missing = Object.fromEntries(
        (res.body.missingUnits as { unitCode: string; status: string | null; unitName: string }[]).map((u) => [
          u.unitCode,
          u.status,
        ]),
      );
      expect(missing).toEqual({
        'ha-giang': 'draft',
        'cao-bang': 'submitted',
        'lao-cai': null,
        'lang-son': null,
      });
      expect(res.body.missingUnits).toContainEqual(
        expect.objectContaining({ unitId: unitIds['lang-son'], unitName: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' }),
      );
    });

    it('the dashboard gate names the same units (non-blocking, before voting)', async () => {
      const gate = t.app
        .get(CycleGates)
        .all()
        .find((g) => g.key === 'reports.approved')!;
      expect({ phase: gate.phase, blocking: gate.blocking }).toEqual({ phase: 'voting', blocking: false });
      const unmet = await gate.check(t.dataSource.manager, { id: cycleId, clusterId } as Cycle);
      expect(unmet.map((c) => c.unitId).sort()).toEqual(
        ['ha-giang', 'cao-bang', 'lao-cai', 'lang-son'].map((code) => unitIds[code]).sort(),
      );
    });

    it('counts the latest approved version: a correction counts once approved, not before', async () => {
      const correction = await t.http
        .post(`${API}/reports/${dienBien.id}/corrections`)
        .set(await asUser(t, officer('dien-bien')))
        .send(figures({ charterCapitalVnd: '7' }));
      expect(correction.status).toBe(201);

      const pending = await results(cycleId);
      expect(pending.body.totals.charterCapitalVnd).toBe('110000000000000003');
      expect(pending.body.units.find((u: { unitCode: string }) => u.unitCode === 'dien-bien').number).toBe(1);

      await approve(correction.body, 'dien-bien');
      const after = await results(cycleId);
      expect(after.body.totals.charterCapitalVnd).toBe('110000000000000007');
      expect(after.body.units.find((u: { unitCode: string }) => u.unitCode === 'dien-bien')).toMatchObject({
        number: 2,
        reportId: correction.body.id,
        charterCapitalVnd: '7',
      });
    });

    it('an unknown cycle is 404 cycle_not_found', async () => {
      const res = await results(randomUUID());
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'cycle_not_found' });
    });
  });

  it('an empty cycle totals zero, every member unit missing', async () => {
    const res = await results(await insertCycle(2033));

    expect(res.body.totals).toEqual({
      cooperatives: 0,
      charterCapitalVnd: '0',
      membersAndWorkers: 0,
      cooperativeGroups: 0,
      groupMembers: 0,
      newCooperatives: 0,
      newMemberCooperatives: 0,
    });
    expect(res.body.units).toEqual([]);
    expect(res.body.missingUnits).toHaveLength(7);
  });

  it('the ledger verifies after all of it', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, 'thuky1@thidua.local'));
    expect(verify.body.valid).toBe(true);
  });
});
