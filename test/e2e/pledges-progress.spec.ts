import { registerTestKey, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { problem } from '../utils/problems';
import { asUser, demoClusterId, head, officer, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';

/**
 * Progress against the signed pledge through HTTP: a unit's officer reports actual values
 * (mid-year, year end), its head approves; approved reports are read-only and corrected by a new
 * number; the cluster's progress table counts only the latest approved values; a self score cites
 * an approved report as evidence.
 */
describe('pledge progress', () => {
  let t: TestApp;
  let clusterId: string;
  let cycleId: string;
  const unitIds: Record<string, string> = {};
  const unitPledgeIds: Record<string, string> = {};
  const targetIds: Record<string, string[]> = {};
  const keys: TestSigner[] = [];

  async function actOn(requestId: string, email: string, transition: string) {
    const res = await t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await asUser(t, email))
      .send({ transition });
    expect(res.status).toBe(200);
  }

  /** Targets drafted, submitted, approved and signed by the unit's head (an Ed25519 key). */
  async function signedPledge(code: string, values: string[]) {
    const set = await t.http
      .put(`${API}/unit-pledges/${unitPledgeIds[code]}/targets`)
      .set(await asUser(t, officer(code)))
      .send({
        targets: values.map((targetValue, index) => ({
          indicator: ['Số HTX thành lập mới', 'Số thành viên mới', 'Số vụ vi phạm'][index],
          unitOfMeasure: 'đơn vị',
          targetValue,
        })),
      });
    expect(set.status).toBe(200);
    targetIds[code] = set.body.targets.map((target: { id: string }) => target.id);
    await actOn(set.body.approval.requestId, officer(code), 'submit');
    await actOn(set.body.approval.requestId, head(code), 'approve');
    const signer = await registerTestKey(t, head(code), 'ed25519');
    keys.push(signer);
    const document = await t.http
      .get(`${API}/unit-pledges/${unitPledgeIds[code]}/document`)
      .set(await asUser(t, head(code)));
    const signed = await t.http
      .post(`${API}/unit-pledges/${unitPledgeIds[code]}/signatures`)
      .set(await asUser(t, head(code)))
      .send({
        digest: document.body.digest,
        signingKeyId: signer.keyId,
        signature: signer.sign(document.body.canonical),
      });
    expect(signed.status).toBe(201);
  }

  const report = async (code: string, body: object, email = officer(code)) =>
    t.http
      .post(`${API}/unit-pledges/${unitPledgeIds[code]}/progress-reports`)
      .set(await asUser(t, email))
      .send(body);

  /** A report drafted, submitted and approved: its body. */
  async function approvedReport(code: string, body: object) {
    const drafted = await report(code, body);
    expect(drafted.status).toBe(201);
    await actOn(drafted.body.approval.requestId, officer(code), 'submit');
    await actOn(drafted.body.approval.requestId, head(code), 'approve');
    return (await t.http.get(`${API}/pledge-progress-reports/${drafted.body.id}`).set(await asUser(t, SECRETARIAT)))
      .body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    const adopted = await t.http.get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`).set(admin);
    const rulesV1 = (adopted.body.items as { id: string; number: number }[]).find((v) => v.number === 1)!.id;
    const [cycle] = (await t.dataSource.query(
      `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2012, 'pledge_signing', $2) RETURNING id`,
      [clusterId, rulesV1],
    )) as { id: string }[];
    cycleId = cycle.id;
    const pledge = await t.http
      .post(`${API}/cycles/${cycleId}/pledges`)
      .set(await asUser(t, SECRETARIAT))
      .send({ sharedText: 'Giao ước thi đua năm 2012.' });
    expect(pledge.status).toBe(201);
    for (const unit of pledge.body.units as { unitPledgeId: string; unit: { code: string } }[]) {
      unitPledgeIds[unit.unit.code] = unit.unitPledgeId;
    }
    await signedPledge('son-la', ['20', '12', '0']);
    await signedPledge('lai-chau', ['10', '8']);
  });
  afterAll(async () => {
    for (const signer of keys) signer.dispose();
    await t.close();
  });

  let draftId: string;

  it('is reported against signed targets only, by the unit’s own people, naming its own targets once', async () => {
    expect(problem(await report('cao-bang', { period: 'mid_year', values: [] }))).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    const unsigned = await report('cao-bang', {
      period: 'mid_year',
      values: [{ targetId: targetIds['son-la'][0], actualValue: '1' }],
    });
    expect(problem(unsigned)).toEqual({ status: 409, code: 'unit_pledge_not_signed' });
    const mid = (values: object[]) => ({ period: 'mid_year', values });
    expect(
      problem(
        await report('son-la', mid([{ targetId: targetIds['son-la'][0], actualValue: '5' }]), officer('lai-chau')),
      ),
    ).toEqual({ status: 403, code: 'pledge_draft_forbidden' });
    expect(problem(await report('son-la', mid([{ targetId: targetIds['lai-chau'][0], actualValue: '5' }])))).toEqual({
      status: 422,
      code: 'pledge_progress_target_unknown',
    });
    const twice = mid([
      { targetId: targetIds['son-la'][0], actualValue: '5' },
      { targetId: targetIds['son-la'][0], actualValue: '6' },
    ]);
    expect(problem(await report('son-la', twice))).toEqual({ status: 422, code: 'pledge_progress_target_unknown' });
    expect(problem(await report('son-la', mid([{ targetId: targetIds['son-la'][0], actualValue: '-5' }])))).toEqual({
      status: 400,
      code: 'validation_failed',
    });

    const drafted = await report(
      'son-la',
      mid([
        { targetId: targetIds['son-la'][0], actualValue: '8', note: '  Theo đăng ký kinh doanh  ' },
        { targetId: targetIds['son-la'][1], actualValue: '3' },
      ]),
    );
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      unitPledgeId: unitPledgeIds['son-la'],
      cycleId,
      unit: { code: 'son-la' },
      period: 'mid_year',
      number: 1,
      status: 'draft',
      approval: { state: 'draft' },
      values: [
        { position: 1, targetValue: '20.00', actualValue: '8.00', note: 'Theo đăng ký kinh doanh' },
        { position: 2, targetValue: '12.00', actualValue: '3.00', note: null },
      ],
    });
    draftId = drafted.body.id;
    expect(problem(await report('son-la', mid([{ targetId: targetIds['son-la'][0], actualValue: '9' }])))).toEqual({
      status: 409,
      code: 'pledge_progress_in_progress',
    });
  });

  it('a draft changes with the version read, is hidden from other units, and is frozen once submitted', async () => {
    const current = await t.http
      .get(`${API}/pledge-progress-reports/${draftId}`)
      .set(await asUser(t, officer('son-la')));
    const update = async (expectedVersion: number) =>
      t.http
        .put(`${API}/pledge-progress-reports/${draftId}`)
        .set(await asUser(t, officer('son-la')))
        .send({
          expectedVersion,
          values: [
            { targetId: targetIds['son-la'][0], actualValue: '12' },
            { targetId: targetIds['son-la'][1], actualValue: '4' },
            { targetId: targetIds['son-la'][2], actualValue: '0' },
          ],
        });
    expect(problem(await update(current.body.version + 5))).toEqual({ status: 409, code: 'version_conflict' });
    const { etag } = await expectStaleVersionsRefused(
      'pledge_progress_report',
      async () => t.http.get(`${API}/pledge-progress-reports/${draftId}`).set(await asUser(t, officer('son-la'))),
      async (precondition) => {
        const { headers, body } = withPrecondition(precondition, {
          values: [{ targetId: targetIds['son-la'][0], actualValue: '1' }],
        });
        return t.http
          .put(`${API}/pledge-progress-reports/${draftId}`)
          .set(await asUser(t, officer('son-la')))
          .set(headers)
          .send(body);
      },
    );
    expect(etag).toBe(`"${current.body.version}"`);
    const updated = await update(current.body.version);
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(current.body.version + 1);
    expect(updated.body.values.map((v: { actualValue: string }) => v.actualValue)).toEqual(['12.00', '4.00', '0.00']);

    const other = await t.http
      .get(`${API}/pledge-progress-reports/${draftId}`)
      .set(await asUser(t, officer('lai-chau')));
    expect(problem(other)).toEqual({ status: 403, code: 'pledge_not_visible' });

    await actOn(updated.body.approval.requestId, officer('son-la'), 'submit');
    expect(problem(await update(updated.body.version))).toEqual({ status: 409, code: 'pledge_progress_not_draft' });
    await actOn(updated.body.approval.requestId, head('son-la'), 'approve');
    const approved = await t.http
      .get(`${API}/pledge-progress-reports/${draftId}`)
      .set(await asUser(t, officer('lai-chau')));
    expect(approved.body).toMatchObject({ status: 'approved', approval: { state: 'approved' } });
  });

  it('an approved report is read-only, in the database too; a correction is the next number', async () => {
    await expect(
      t.dataSource.query(`UPDATE pledge_progress_reports SET period = 'year_end' WHERE id = $1`, [draftId]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    await expect(
      t.dataSource.query(`UPDATE pledge_progress_values SET actual_value = 99 WHERE report_id = $1`, [draftId]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });

    const correction = await approvedReport('son-la', {
      period: 'mid_year',
      values: [
        { targetId: targetIds['son-la'][0], actualValue: '13' },
        { targetId: targetIds['son-la'][2], actualValue: '1' },
      ],
    });
    expect(correction).toMatchObject({ number: 2, status: 'approved' });
    const list = await t.http
      .get(`${API}/unit-pledges/${unitPledgeIds['son-la']}/progress-reports`)
      .set(await asUser(t, 'daibieu.dien-bien@thidua.local'));
    expect(list.body.items.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, 'approved'],
      [2, 'approved'],
    ]);
  });

  it("the cluster's table: the latest approved value of each period and the share of the target achieved", async () => {
    await approvedReport('lai-chau', {
      period: 'year_end',
      values: [{ targetId: targetIds['lai-chau'][0], actualValue: '11' }],
    });
    // A draft counts for nothing.
    expect(
      (
        await report('lai-chau', {
          period: 'mid_year',
          values: [{ targetId: targetIds['lai-chau'][1], actualValue: '7' }],
        })
      ).status,
    ).toBe(201);

    const table = await t.http
      .get(`${API}/cycles/${cycleId}/pledge-progress`)
      .set(await asUser(t, 'daibieu.ha-giang@thidua.local'));
    expect(table.status).toBe(200);
    expect(table.body.pledgeNumber).toBe(1);
    expect(table.body.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([
      'cao-bang',
      'dien-bien',
      'ha-giang',
      'lai-chau',
      'lang-son',
      'lao-cai',
      'son-la',
    ]);
    const row = (code: string) => table.body.units.find((u: { unit: { code: string } }) => u.unit.code === code);
    expect(row('cao-bang')).toMatchObject({ status: 'draft', targets: [] });
    expect(row('son-la').targets).toEqual([
      expect.objectContaining({
        targetValue: '20.00',
        midYear: expect.objectContaining({ number: 2, actualValue: '13.00', percentAchieved: '65.00' }),
        yearEnd: null,
      }),
      // Not in the correction: the latest approved report that gives it (number 1) counts.
      expect.objectContaining({
        targetValue: '12.00',
        midYear: expect.objectContaining({ number: 1, actualValue: '4.00', percentAchieved: '33.33' }),
      }),
      expect.objectContaining({
        targetValue: '0.00',
        midYear: expect.objectContaining({ actualValue: '1.00', percentAchieved: null }),
      }),
    ]);
    expect(row('lai-chau').targets).toEqual([
      expect.objectContaining({
        midYear: null,
        yearEnd: expect.objectContaining({ actualValue: '11.00', percentAchieved: '110.00' }),
      }),
      expect.objectContaining({ midYear: null, yearEnd: null }),
    ]);
  });

  describe('cited as evidence in scoring', () => {
    let periodId: string;
    let correctionId: string;
    const selfScore = async (code: string, body: object) =>
      t.http
        .put(`${API}/scoring-periods/${periodId}/units/${unitIds[code]}/entries/A1`)
        .set(await asUser(t, officer(code)))
        .send(body);

    beforeAll(async () => {
      // The year under way; moved directly, the seal is not this spec's subject (see pledges.spec.ts).
      await t.dataSource.query(`UPDATE cycles SET phase = 'in_progress' WHERE id = $1`, [cycleId]);
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const period = await t.http
        .post(`${API}/cycles/${cycleId}/scoring-periods`)
        .set(await asUser(t, SECRETARIAT))
        .send({ name: 'Sơ kết 6 tháng', selfScoringDue: day(30), explanationDue: day(60) });
      expect(period.status).toBe(201);
      periodId = period.body.id;
      const list = await t.http
        .get(`${API}/unit-pledges/${unitPledgeIds['son-la']}/progress-reports`)
        .set(await asUser(t, SECRETARIAT));
      correctionId = list.body.items.find((r: { number: number }) => r.number === 2).id;
    });

    it("a self score cites the unit's approved reports; other units', drafts' and unknown ids are refused", async () => {
      const cited = await selfScore('son-la', { selfScore: '9', progressReportIds: [correctionId, draftId] });
      expect(cited.status).toBe(200);
      expect([...cited.body.citedProgressReportIds].sort()).toEqual([correctionId, draftId].sort());

      const laiChau = await t.http
        .get(`${API}/unit-pledges/${unitPledgeIds['lai-chau']}/progress-reports`)
        .set(await asUser(t, SECRETARIAT));
      const laiChauApproved = laiChau.body.items.find((r: { status: string }) => r.status === 'approved').id;
      const laiChauDraft = laiChau.body.items.find((r: { status: string }) => r.status === 'draft').id;
      const other = await selfScore('son-la', { selfScore: '9', progressReportIds: [laiChauApproved] });
      expect(problem(other)).toEqual({ status: 422, code: 'progress_report_not_citable' });
      expect(other.body.progressReportIds).toEqual([laiChauApproved]);
      expect(problem(await selfScore('lai-chau', { selfScore: '9', progressReportIds: [laiChauDraft] }))).toEqual({
        status: 422,
        code: 'progress_report_not_citable',
      });
      expect(problem(await selfScore('son-la', { selfScore: '9', progressReportIds: ['nope'] }))).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    });

    it('the citations are in the entry’s history; [] removes them', async () => {
      const cleared = await selfScore('son-la', { selfScore: '9', progressReportIds: [] });
      expect(cleared.body.citedProgressReportIds).toEqual([]);
      const history = await t.http
        .get(`${API}/scoring-periods/${periodId}/units/${unitIds['son-la']}/entries/A1/history`)
        .set(await asUser(t, officer('son-la')));
      const citations = history.body.items.filter((c: { field: string }) => c.field === 'cited_progress_reports');
      expect(
        citations.map((c: { oldValue: string | null; newValue: string | null }) => [c.oldValue, c.newValue]),
      ).toEqual([
        [null, [correctionId, draftId].sort().join(',')],
        [[correctionId, draftId].sort().join(','), null],
      ]);
    });
  });

  it('every step is in a ledger that verifies', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, SECRETARIAT));
    expect(verify.body.valid).toBe(true);
    const entries = await t.http
      .get(`${API}/ledger/entries?subjectType=pledge_progress_report&subjectId=${draftId}&pageSize=100`)
      .set(await asUser(t, SECRETARIAT));
    expect(entries.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['pledges.progress_drafted', 'pledges.progress_updated', 'pledges.progress_approved']),
    );
  });
});
