import { randomUUID } from 'node:crypto';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { asUser, delegate, demoClusterId, head, officer, unitIdsByCode } from '../utils/signed-in';

/**
 * A unit's results report through HTTP: drafted by its officer, returned and approved by its
 * head through the approval engine, read-only once approved, corrected by a new version.
 */
describe('results reports', () => {
  let t: TestApp;
  let clusterId: string;
  let cycleId: string;
  const unitIds: Record<string, string> = {};

  const figures = (overrides: Record<string, unknown> = {}) => ({
    cooperatives: 130,
    charterCapitalVnd: '57400000000',
    membersAndWorkers: 3400,
    cooperativeGroups: 900,
    groupMembers: 960,
    newCooperatives: 6,
    newMemberCooperatives: 5,
    ...overrides,
  });

  async function insertCycle(year: number, phase: string): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(`INSERT INTO cycles (id, cluster_id, year, phase) VALUES ($1, $2, $3, $4)`, [
      id,
      clusterId,
      year,
      phase,
    ]);
    return id;
  }

  async function draft(code: string, body: Record<string, unknown> = figures(), email = officer(code)) {
    return t.http
      .post(`${API}/cycles/${cycleId}/reports`)
      .set(await asUser(t, email))
      .send({ unitId: unitIds[code], ...body });
  }

  async function act(requestId: string, email: string, transition: string, comment?: string) {
    return t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await asUser(t, email))
      .send({ transition, ...(comment ? { comment } : {}) });
  }

  async function getReport(id: string, email: string) {
    return t.http.get(`${API}/reports/${id}`).set(await asUser(t, email));
  }

  /** Drafted by the officer, submitted, approved by the head: the approved report's body. */
  async function approved(code: string, body = figures()) {
    const drafted = await draft(code, body);
    expect(drafted.status).toBe(201);
    expect((await act(drafted.body.approval.requestId, officer(code), 'submit')).status).toBe(200);
    expect((await act(drafted.body.approval.requestId, head(code), 'approve')).status).toBe(200);
    return (await getReport(drafted.body.id, officer(code))).body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    cycleId = await insertCycle(2030, 'evaluation');
  });
  afterAll(() => t.close());

  describe('drafting', () => {
    it("an officer drafts their unit's report: a draft, version 1, with an approval request", async () => {
      const res = await draft('son-la', figures({ notes: { charterCapitalVnd: '  Gồm vốn góp mới  ' } }));

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cycleId,
        unitId: unitIds['son-la'],
        unit: { code: 'son-la', name: 'Liên minh Hợp tác xã tỉnh Sơn La' },
        number: 1,
        status: 'draft',
        ...figures(),
        notes: { charterCapitalVnd: 'Gồm vốn góp mới' },
        supersedesId: null,
        approvedAt: null,
        approval: expect.objectContaining({ requestId: expect.any(String) }),
      });
      const request = await t.http
        .get(`${API}/approvals/${res.body.approval.requestId}`)
        .set(await asUser(t, officer('son-la')));
      expect(request.body).toMatchObject({ workflowKey: 'results_report', subjectId: res.body.id, state: 'draft' });
    });

    it('refuses a second version while one is in the works: 409 report_in_progress', async () => {
      const res = await draft('son-la');

      expect(res.status).toBe(409);
      expect(res.body.code).toBe('report_in_progress');
    });

    it('two drafts at once for the same unit: one is created, the other is 409 report_in_progress', async () => {
      const answers = await Promise.all([draft('ha-giang'), draft('ha-giang')]);

      expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
      expect(answers.find((res) => res.status === 409)!.body.code).toBe('report_in_progress');
    });

    it("refuses a delegate, another unit's officer and an administrator without a unit mandate", async () => {
      const byDelegate = await draft('dien-bien', figures(), delegate('dien-bien'));
      expect({ status: byDelegate.status, code: byDelegate.body.code }).toEqual({ status: 403, code: 'forbidden' });

      const byOtherOfficer = await draft('dien-bien', figures(), officer('lao-cai'));
      expect({ status: byOtherOfficer.status, code: byOtherOfficer.body.code }).toEqual({
        status: 403,
        code: 'report_draft_forbidden',
      });

      const byAdmin = await draft('dien-bien', figures(), 'admin@thidua.local');
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body.code).toBe('report_draft_forbidden');
    });

    it.each([
      ['capital sent as a JSON number', { charterCapitalVnd: 1269500000000 }, 'charterCapitalVnd'],
      ['capital with decimals', { charterCapitalVnd: '1269.5' }, 'charterCapitalVnd'],
      ['negative capital', { charterCapitalVnd: '-5' }, 'charterCapitalVnd'],
      ['capital with thousands separators', { charterCapitalVnd: '1.269.500.000.000' }, 'charterCapitalVnd'],
      ['capital of 21 digits', { charterCapitalVnd: '1'.repeat(21) }, 'charterCapitalVnd'],
      ['a negative count', { cooperatives: -1 }, 'cooperatives'],
      ['a fractional count', { newCooperatives: 1.5 }, 'newCooperatives'],
      ['a count sent as a string', { groupMembers: '960' }, 'groupMembers'],
      ['a missing figure', { membersAndWorkers: undefined }, 'membersAndWorkers'],
      ['a note on an unknown field', { notes: { vonDieuLe: 'x' } }, 'notes'],
      ['an unknown field', { revenueVnd: '1' }, 'revenueVnd'],
    ])('refuses %s: 400 validation_failed', async (_case, change, field) => {
      const res = await draft('dien-bien', figures(change));

      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('accepts capital of 20 digits, the most numeric(20,0) holds', async () => {
      const res = await draft('dien-bien', figures({ charterCapitalVnd: '99999999999999999999' }));

      expect(res.status).toBe(201);
      expect(res.body.charterCapitalVnd).toBe('99999999999999999999');
    });

    it("refuses a unit that is not a member of the cycle's cluster: 422 report_unit_not_member", async () => {
      const admin = await asUser(t, 'admin@thidua.local');
      const outsider = await t.http
        .post(`${API}/units`)
        .set(admin)
        .send({ code: 'ngoai-cum', name: 'Đơn vị ngoài cụm' });
      const me = await t.http.get(`${API}/me`).set(await asUser(t, officer('ha-giang')));
      const mandate = await t.http
        .post(`${API}/mandates`)
        .set(admin)
        .send({ userId: me.body.user.id, role: 'officer', unitId: outsider.body.id });
      expect(mandate.status).toBe(201);

      const res = await t.http
        .post(`${API}/cycles/${cycleId}/reports`)
        .set(await asUser(t, officer('ha-giang')))
        .send({ unitId: outsider.body.id, ...figures() });

      expect(res.status).toBe(422);
      expect(res.body.code).toBe('report_unit_not_member');
    });

    it('refuses reports for a closed cycle (409 cycle_closed) and an unknown one (404 cycle_not_found)', async () => {
      const closed = await insertCycle(2029, 'closed');
      const res = await t.http
        .post(`${API}/cycles/${closed}/reports`)
        .set(await asUser(t, officer('cao-bang')))
        .send({ unitId: unitIds['cao-bang'], ...figures() });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'cycle_closed' });

      const unknown = await t.http
        .get(`${API}/cycles/${randomUUID()}/reports`)
        .set(await asUser(t, officer('cao-bang')));
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'cycle_not_found' });
    });
  });

  describe('approval', () => {
    let report: { id: string; approval: { requestId: string }; version: number };

    beforeAll(async () => {
      report = (await draft('lai-chau')).body;
    });

    it('the officer submits; the report is then no longer editable', async () => {
      const submitted = await act(report.approval.requestId, officer('lai-chau'), 'submit');
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('submitted');

      const read = await getReport(report.id, officer('lai-chau'));
      expect(read.body.status).toBe('submitted');
      const patch = await t.http
        .patch(`${API}/reports/${report.id}`)
        .set(await asUser(t, officer('lai-chau')))
        .send({ cooperatives: 131, expectedVersion: read.body.version });
      expect({ status: patch.status, code: patch.body.code }).toEqual({ status: 409, code: 'report_not_draft' });
    });

    it("the head of another unit cannot approve it (the engine refuses), nor can the unit's officer", async () => {
      const byOtherHead = await act(report.approval.requestId, head('son-la'), 'approve');
      expect(byOtherHead.status).toBe(403);
      const byOfficer = await act(report.approval.requestId, officer('lai-chau'), 'approve');
      expect(byOfficer.status).toBe(403);

      expect((await getReport(report.id, officer('lai-chau'))).body.status).toBe('submitted');
    });

    it('the head returns it with a comment (a comment is required); it is a draft again', async () => {
      const silent = await act(report.approval.requestId, head('lai-chau'), 'return');
      expect(silent.body.code).toBe('comment_required');

      const returned = await act(
        report.approval.requestId,
        head('lai-chau'),
        'return',
        'Vốn điều lệ chưa khớp sổ sách.',
      );
      expect(returned.status).toBe(200);
      expect(returned.body.state).toBe('draft');
      expect((await getReport(report.id, officer('lai-chau'))).body.status).toBe('draft');
    });

    it('the officer edits the draft, with the version read (a stale one is 409)', async () => {
      const current = (await getReport(report.id, officer('lai-chau'))).body;
      const stale = await t.http
        .patch(`${API}/reports/${report.id}`)
        .set(await asUser(t, officer('lai-chau')))
        .send({ charterCapitalVnd: '57450000000', expectedVersion: current.version - 1 });
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'version_conflict' });
      await expectStaleVersionsRefused(
        'results_report',
        () => getReport(report.id, officer('lai-chau')),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { charterCapitalVnd: '1' });
          return t.http
            .patch(`${API}/reports/${report.id}`)
            .set(await asUser(t, officer('lai-chau')))
            .set(headers)
            .send(body);
        },
      );

      const edited = await t.http
        .patch(`${API}/reports/${report.id}`)
        .set(await asUser(t, officer('lai-chau')))
        .send({
          charterCapitalVnd: '57450000000',
          notes: { charterCapitalVnd: 'Đã đối chiếu sổ sách' },
          expectedVersion: current.version,
        });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        charterCapitalVnd: '57450000000',
        cooperatives: 130,
        notes: { charterCapitalVnd: 'Đã đối chiếu sổ sách' },
        version: current.version + 1,
      });

      const nulled = await t.http
        .patch(`${API}/reports/${report.id}`)
        .set(await asUser(t, officer('lai-chau')))
        .send({ cooperatives: null, expectedVersion: edited.body.version });
      expect(nulled.status).toBe(400);
    });

    it('submitted again and approved by the head: approved, stamped, read-only', async () => {
      expect((await act(report.approval.requestId, officer('lai-chau'), 'submit')).status).toBe(200);
      const approval = await act(report.approval.requestId, head('lai-chau'), 'approve');
      expect(approval.status).toBe(200);
      expect(approval.body.state).toBe('approved');

      const read = await getReport(report.id, officer('lai-chau'));
      expect(read.body).toMatchObject({ status: 'approved', charterCapitalVnd: '57450000000' });
      expect(Date.parse(read.body.approvedAt)).not.toBeNaN();

      const patch = await t.http
        .patch(`${API}/reports/${report.id}`)
        .set(await asUser(t, officer('lai-chau')))
        .send({ cooperatives: 1, expectedVersion: read.body.version });
      expect({ status: patch.status, code: patch.body.code }).toEqual({ status: 409, code: 'report_not_draft' });
    });

    it('the database itself refuses to change or delete the approved row (TD001)', async () => {
      await expect(
        t.dataSource.query(`UPDATE results_reports SET cooperatives = 1 WHERE id = $1`, [report.id]),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
      await expect(t.dataSource.query(`DELETE FROM results_reports WHERE id = $1`, [report.id])).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: 'TD001' }),
      });
      expect((await getReport(report.id, officer('lai-chau'))).body.cooperatives).toBe(130);
    });

    it('a correction is a new version through the workflow; the approved one stays as it was', async () => {
      const draftOnly = (
        await t.http
          .get(`${API}/cycles/${cycleId}/reports?unitId=${unitIds['son-la']}`)
          .set(await asUser(t, officer('son-la')))
      ).body.items[0];
      const notApproved = await t.http
        .post(`${API}/reports/${draftOnly.id}/corrections`)
        .set(await asUser(t, officer('son-la')))
        .send(figures());
      expect({ status: notApproved.status, code: notApproved.body.code }).toEqual({
        status: 409,
        code: 'correction_requires_approved',
      });

      const correction = await t.http
        .post(`${API}/reports/${report.id}/corrections`)
        .set(await asUser(t, officer('lai-chau')))
        .send(figures({ cooperatives: 132 }));
      expect(correction.status).toBe(201);
      expect(correction.body).toMatchObject({ number: 2, status: 'draft', supersedesId: report.id, cooperatives: 132 });
      expect(correction.body.approval.requestId).not.toBe(report.approval.requestId);

      const twice = await t.http
        .post(`${API}/reports/${report.id}/corrections`)
        .set(await asUser(t, officer('lai-chau')))
        .send(figures());
      expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'report_in_progress' });

      expect((await act(correction.body.approval.requestId, officer('lai-chau'), 'submit')).status).toBe(200);
      expect((await act(correction.body.approval.requestId, head('lai-chau'), 'approve')).status).toBe(200);
      expect((await getReport(correction.body.id, officer('lai-chau'))).body.status).toBe('approved');
      expect((await getReport(report.id, officer('lai-chau'))).body).toMatchObject({ status: 'approved', number: 1 });

      const ofOld = await t.http
        .post(`${API}/reports/${report.id}/corrections`)
        .set(await asUser(t, officer('lai-chau')))
        .send(figures());
      expect({ status: ofOld.status, code: ofOld.body.code }).toEqual({ status: 409, code: 'report_superseded' });
    });
  });

  describe('visibility', () => {
    let draftId: string;
    let approvedId: string;

    beforeAll(async () => {
      draftId = (await draft('cao-bang')).body.id;
      approvedId = (await approved('lao-cai')).id;
    });

    it("a draft is visible to the unit's people, the secretariat and admins only", async () => {
      for (const email of [
        officer('cao-bang'),
        head('cao-bang'),
        delegate('cao-bang'),
        'thuky1@thidua.local',
        'admin@thidua.local',
      ]) {
        expect({ email, status: (await getReport(draftId, email)).status }).toEqual({ email, status: 200 });
      }
      const other = await getReport(draftId, officer('lang-son'));
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'report_not_visible' });
    });

    it("an approved report is visible to everyone signed in, e.g. another unit's officer", async () => {
      const res = await getReport(approvedId, officer('lang-son'));

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', unit: { code: 'lao-cai' } });
    });

    it("the cycle's list shows another unit's officer only approved versions and their own", async () => {
      const own = (await draft('lang-son')).body.id;
      const list = await t.http
        .get(`${API}/cycles/${cycleId}/reports?pageSize=100`)
        .set(await asUser(t, officer('lang-son')));

      expect(list.status).toBe(200);
      const seen = list.body.items as { id: string; status: string; unitId: string }[];
      expect(seen.map((r) => r.id)).toEqual(expect.arrayContaining([approvedId, own]));
      expect(seen.map((r) => r.id)).not.toContain(draftId);
      expect(seen.every((r) => r.status === 'approved' || r.unitId === unitIds['lang-son'])).toBe(true);

      const all = await t.http
        .get(`${API}/cycles/${cycleId}/reports?pageSize=100`)
        .set(await asUser(t, 'thuky1@thidua.local'));
      expect((all.body.items as { id: string }[]).map((r) => r.id)).toContain(draftId);

      const drafts = await t.http
        .get(`${API}/cycles/${cycleId}/reports?status=draft&unitId=${unitIds['cao-bang']}`)
        .set(await asUser(t, 'thuky1@thidua.local'));
      expect(drafts.body.items.map((r: { id: string }) => r.id)).toEqual([draftId]);
      expect(drafts.body.items[0].approval.requestId).toEqual(expect.any(String));
    });
  });

  it('every step is in the ledger, and the ledger still verifies', async () => {
    const actions = (
      (await t.dataSource.query(
        `SELECT DISTINCT action FROM ledger_entries WHERE action LIKE 'reports.%' ORDER BY action`,
      )) as { action: string }[]
    ).map((row) => row.action);
    expect(actions).toEqual(['reports.report_approved', 'reports.report_drafted', 'reports.report_updated']);

    const [approvedEntry] = (await t.dataSource.query(
      `SELECT payload FROM ledger_entries WHERE action = 'reports.report_approved' AND NOT payload ? 'source' ORDER BY seq LIMIT 1`,
    )) as { payload: { figures: Record<string, unknown> } }[];
    expect(approvedEntry.payload.figures).toMatchObject({ charterCapitalVnd: '57450000000', cooperatives: 130 });

    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, delegate('son-la')));
    expect(verify.status).toBe(200);
    expect(verify.body.valid).toBe(true);
  });
});
