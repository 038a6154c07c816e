import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { problem } from '../utils/problems';
import {
  asUser,
  delegate,
  DEMO_ADMIN,
  demoClusterId,
  head,
  officer,
  SECRETARIAT,
  unitIdsByCode,
} from '../utils/signed-in';

/**
 * Score sheets through HTTP: a scoring period of a 2030 cycle scored against the demo's adopted
 * rules v1; the 7 demo units score themselves and their heads submit; cross-reviewers (never of
 * the unit) review, a unit explains, the secretariat fixes finals; every change has its history;
 * each refusal of the issue; the database refuses changes once the period is adopted.
 */
describe('score sheets', () => {
  let t: TestApp;
  let clusterId: string;
  let cycleId: string;
  let periodId: string;
  let rulesVersionId: string;
  const unitIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  const CODES = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'];
  const LEAVES: Record<string, number> = { A1: 10, A2: 10, A3: 10, B1: 15, B2: 15, B3: 15, C1: 10, C2: 10, C3: 5 };
  const reviewer = () => officer('lao-cai');

  const sheetPath = (code: string, period = periodId) => `${API}/scoring-periods/${period}/units/${unitIds[code]}`;

  async function selfScore(
    code: string,
    item: string,
    body: Record<string, unknown>,
    email = officer(code),
    period = periodId,
  ) {
    return t.http
      .put(`${sheetPath(code, period)}/entries/${item}`)
      .set(await asUser(t, email))
      .send(body);
  }

  async function review(code: string, item: string, body: Record<string, unknown>, email: string) {
    return t.http
      .put(`${sheetPath(code)}/entries/${item}/review`)
      .set(await asUser(t, email))
      .send(body);
  }

  async function readSheet(code: string, email: string, period = periodId) {
    return t.http.get(`${sheetPath(code, period)}/sheet`).set(await asUser(t, email));
  }

  async function act(requestId: string, email: string, transition: string, comment?: string) {
    return t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await asUser(t, email))
      .send({ transition, ...(comment ? { comment } : {}) });
  }

  async function assign(code: string, reviewerEmail: string, email = SECRETARIAT) {
    return t.http
      .post(`${API}/scoring-periods/${periodId}/review-assignments`)
      .set(await asUser(t, email))
      .send({ unitId: unitIds[code], reviewerId: userIds[reviewerEmail] });
  }

  /** Self-scores every leaf (the maximum less `less` points each), then the given bonus and penalty items. */
  async function fillSheet(code: string, less = 0, extra: Record<string, string> = {}) {
    const scores = { ...Object.fromEntries(Object.entries(LEAVES).map(([leaf, max]) => [leaf, max - less])), ...extra };
    for (const [item, score] of Object.entries(scores)) {
      const res = await selfScore(code, item, { selfScore: score });
      expect(res.status).toBe(200);
    }
  }

  async function openPeriod(body: Record<string, unknown>, cycle = cycleId, email = SECRETARIAT) {
    return t.http
      .post(`${API}/cycles/${cycle}/scoring-periods`)
      .set(await asUser(t, email))
      .send(body);
  }

  async function advance(cycle: string, to: string) {
    const res = await t.http
      .post(`${API}/cycles/${cycle}/advance`)
      .set(await asUser(t, SECRETARIAT))
      .send({ to });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, DEMO_ADMIN);
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    const users = (await t.dataSource.query(`SELECT id, email FROM users`)) as { id: string; email: string }[];
    for (const user of users) userIds[user.email] = user.id;
    const rules = await t.http.get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`).set(admin);
    rulesVersionId = (rules.body.items as { id: string; number: number }[]).find((r) => r.number === 1)!.id;
    cycleId = (
      await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await asUser(t, SECRETARIAT))
        .send({ year: 2030 })
    ).body.id;
  });
  afterAll(() => t.close());

  describe('periods', () => {
    const dates = { selfScoringDue: '2099-11-10', explanationDue: '2099-11-20' };

    it('refuses a period while the cycle pins no rules, then while it is not in progress or evaluation', async () => {
      expect(problem(await openPeriod({ name: 'Đợt 1', ...dates }))).toEqual({ status: 409, code: 'rules_not_pinned' });
      await advance(cycleId, 'rules_adoption');
      const pinned = await t.http
        .put(`${API}/cycles/${cycleId}/rules-version`)
        .set(await asUser(t, SECRETARIAT))
        .send({ rulesVersionId });
      expect(pinned.status).toBe(200);
      await advance(cycleId, 'pledge_signing');
      expect(problem(await openPeriod({ name: 'Đợt 1', ...dates }))).toEqual({
        status: 409,
        code: 'cycle_phase_not_scoring',
      });
      // The year's work needs a sealed pledge (gate pledges.sealed); pledges are not this spec's subject.
      await insertSealedPledge(t.dataSource, cycleId);
      await advance(cycleId, 'in_progress');
    });

    it("refuses a unit's people, and dates out of order", async () => {
      expect(problem(await openPeriod({ name: 'Đợt 1', ...dates }, cycleId, head('son-la')))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      const reversed = await openPeriod({ name: 'Đợt 1', selfScoringDue: '2099-11-20', explanationDue: '2099-11-10' });
      expect(problem(reversed)).toEqual({ status: 422, code: 'scoring_period_dates_invalid' });
      const notADay = await openPeriod({ name: 'Đợt 1', selfScoringDue: '2099-02-30', explanationDue: '2099-11-10' });
      expect(problem(notADay)).toEqual({ status: 400, code: 'validation_failed' });
    });

    it("the secretariat opens a period on the cycle's pinned rules; names are unique per cycle", async () => {
      const res = await openPeriod({ name: '  Chấm điểm năm 2030  ', ...dates });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ cycleId, name: 'Chấm điểm năm 2030', rulesVersionId, status: 'open', ...dates });
      periodId = res.body.id;
      expect(problem(await openPeriod({ name: 'Chấm điểm năm 2030', ...dates }))).toEqual({
        status: 409,
        code: 'scoring_period_name_taken',
      });
      const list = await t.http
        .get(`${API}/cycles/${cycleId}/scoring-periods`)
        .set(await asUser(t, delegate('lang-son')));
      expect(list.body).toMatchObject({ total: 1, items: [{ id: periodId }] });
      const one = await t.http.get(`${API}/scoring-periods/${periodId}`).set(await asUser(t, officer('ha-giang')));
      expect(one.body).toMatchObject({ id: periodId, selfScoringDue: '2099-11-10' });
    });
  });

  describe('self-scoring', () => {
    it("the unit's officer enters a first score: the sheet is created with its approval request", async () => {
      const res = await selfScore('son-la', 'A1', { selfScore: '9.5', selfNote: '  Kiện toàn bộ máy  ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        itemCode: 'A1',
        kind: 'criterion',
        selfScore: '9.50',
        selfNote: 'Kiện toàn bộ máy',
        reviewedScore: null,
        effectiveFinal: '9.50',
        sheetStatus: 'draft',
        version: 1,
      });
      const sheet = await readSheet('son-la', officer('son-la'));
      expect(sheet.status).toBe(200);
      expect(sheet.body).toMatchObject({
        id: res.body.sheetId,
        status: 'draft',
        unit: { code: 'son-la' },
        approval: { requestId: expect.any(String), state: 'draft', round: 1, version: expect.any(Number) },
      });
      const request = await t.http
        .get(`${API}/approvals/${sheet.body.approval.requestId}`)
        .set(await asUser(t, DEMO_ADMIN));
      expect(request.body).toMatchObject({ workflowKey: 'score_sheet', subjectId: res.body.sheetId });
    });

    it('shows every leaf and item of the tree, missing entries empty, parents with subtotals', async () => {
      const { body } = await readSheet('son-la', head('son-la'));
      expect(body.criteria.map((group: { code: string }) => group.code)).toEqual(['A', 'B', 'C']);
      const a = body.criteria[0];
      expect(a).toMatchObject({ code: 'A', leaf: false, maxPoints: 30, subtotals: { self: '9.50', final: '9.50' } });
      expect(a.children[0]).toMatchObject({ code: 'A1', leaf: true, entry: { selfScore: '9.50' } });
      expect(a.children[1]).toMatchObject({ code: 'A2', entry: { selfScore: null, version: null } });
      expect(body.bonus.map((item: { code: string }) => item.code)).toEqual(['BONUS-MODEL', 'BONUS-TASK']);
      expect(body.penalty[0]).toMatchObject({ code: 'PEN-LATE-REPORT', cap: 5, entry: { selfScore: null } });
      expect(body.totals.self).toEqual({
        criteria: '9.50',
        bonus: '0.00',
        penalty: '0.00',
        total: '9.50',
        groups: { A: '9.50', B: '0.00', C: '0.00' },
      });
    });

    it.each([
      ['a parent criterion', 'B', { selfScore: 1 }, 422, 'score_on_parent'],
      ['an unknown item', 'Z9', { selfScore: 1 }, 404, 'item_not_found'],
      ['a score above the maximum', 'C3', { selfScore: '5.01' }, 422, 'score_out_of_range'],
      ['a negative score', 'A2', { selfScore: -1 }, 422, 'score_out_of_range'],
      ['a bonus above its cap', 'BONUS-TASK', { selfScore: 3 }, 422, 'score_out_of_range'],
      ['three decimals', 'A2', { selfScore: '1.005' }, 400, 'validation_failed'],
      ['a score that is not a number', 'A2', { selfScore: 'mười' }, 400, 'validation_failed'],
      ['a stale expectedVersion', 'A1', { selfScore: 9, expectedVersion: 7 }, 409, 'version_conflict'],
    ])('refuses %s', async (_case, item, body, status, code) => {
      expect(problem(await selfScore('son-la', item, body))).toEqual({ status, code });
    });

    it('one entry has its ETag; a stale If-Match or expectedVersion is refused, the fresh one writes', async () => {
      const entryPath = `${sheetPath('son-la')}/entries/A2`;
      expect((await selfScore('son-la', 'A2', { selfScore: '1' })).status).toBe(200);
      const { version, etag } = await expectStaleVersionsRefused(
        'score_entry',
        async () => t.http.get(entryPath).set(await asUser(t, officer('son-la'))),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { selfScore: '2' });
          return t.http
            .put(entryPath)
            .set(await asUser(t, officer('son-la')))
            .set(headers)
            .send(body);
        },
      );
      const written = await t.http
        .put(entryPath)
        .set(await asUser(t, officer('son-la')))
        .set('If-Match', etag)
        .send({ selfScore: '2' });
      expect(written.status).toBe(200);
      expect(written.body.version).toBe(version + 1);

      const unwritten = `${sheetPath('son-la')}/entries/C3`;
      expect(problem(await t.http.get(unwritten).set(await asUser(t, officer('son-la'))))).toEqual({
        status: 404,
        code: 'entry_not_found',
      });
      const anyVersion = await t.http
        .put(unwritten)
        .set(await asUser(t, officer('son-la')))
        .set('If-Match', '*')
        .send({ selfScore: 1 });
      expect(anyVersion.body).toMatchObject({ status: 409, code: 'version_conflict', currentVersion: null });
    });

    it("refuses another unit's officer, a delegate and an administrator without a unit mandate", async () => {
      expect(problem(await selfScore('son-la', 'A2', { selfScore: 1 }, officer('lai-chau')))).toEqual({
        status: 403,
        code: 'sheet_entry_forbidden',
      });
      expect(problem(await selfScore('son-la', 'A2', { selfScore: 1 }, delegate('son-la')))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(problem(await selfScore('son-la', 'A2', { selfScore: 1 }, DEMO_ADMIN))).toEqual({
        status: 403,
        code: 'sheet_entry_forbidden',
      });
    });

    it("a unit cannot read another unit's draft; the unit's people and the secretariat can", async () => {
      for (const email of [officer('lai-chau'), head('dien-bien'), delegate('lang-son')]) {
        expect(problem(await readSheet('son-la', email))).toEqual({ status: 403, code: 'sheet_not_visible' });
      }
      const history = await t.http
        .get(`${sheetPath('son-la')}/entries/A1/history`)
        .set(await asUser(t, officer('lai-chau')));
      expect(problem(history)).toEqual({ status: 403, code: 'sheet_not_visible' });
      for (const email of [delegate('son-la'), SECRETARIAT, DEMO_ADMIN]) {
        expect((await readSheet('son-la', email)).status).toBe(200);
      }
      // Before its first score too: the empty sheet is the unit's own business.
      expect(problem(await readSheet('lai-chau', officer('son-la')))).toEqual({
        status: 403,
        code: 'sheet_not_visible',
      });
      expect((await readSheet('lai-chau', officer('lai-chau'))).body).toMatchObject({ id: null, status: 'draft' });
    });

    it('refuses to submit a sheet with an unscored leaf', async () => {
      expect((await selfScore('ha-giang', 'A1', { selfScore: 1 })).status).toBe(200);
      const requestId = (await readSheet('ha-giang', head('ha-giang'))).body.approval.requestId;
      const refused = await act(requestId, head('ha-giang'), 'submit');
      expect(problem(refused)).toEqual({ status: 409, code: 'sheet_incomplete' });
      expect(refused.body.missing).toEqual(['A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3']);
      expect((await readSheet('ha-giang', head('ha-giang'))).body).toMatchObject({
        status: 'draft',
        approval: { state: 'draft' },
      });
    });

    it('the 7 units score every leaf; a change keeps the old value in the history', async () => {
      await fillSheet('son-la', 0, { 'BONUS-MODEL': '2', 'PEN-LATE-REPORT': '1' });
      for (const [index, code] of CODES.slice(1).entries()) await fillSheet(code, (index + 1) * 0.25);
      const history = await t.http
        .get(`${sheetPath('son-la')}/entries/A1/history`)
        .set(await asUser(t, head('son-la')));
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          field: 'self_score',
          oldValue: null,
          newValue: '9.50',
          actorId: userIds[officer('son-la')],
        }),
        expect.objectContaining({ field: 'self_note', oldValue: null, newValue: 'Kiện toàn bộ máy' }),
        expect.objectContaining({ field: 'self_score', oldValue: '9.50', newValue: '10.00' }),
      ]);
      const same = await selfScore('son-la', 'A1', { selfScore: 10 });
      expect(same.body.version).toBe(2);
      const sheet = await readSheet('son-la', officer('son-la'));
      expect(sheet.body.totals.self).toMatchObject({
        criteria: '100.00',
        bonus: '2.00',
        penalty: '1.00',
        total: '101.00',
      });
    });

    it('two first scores at once create one sheet with one approval request', async () => {
      const other = await openPeriod({
        name: 'Đợt song song',
        selfScoringDue: '2099-11-10',
        explanationDue: '2099-11-10',
      });
      const answers = await Promise.all(
        ['A1', 'A2', 'A3'].map((item) =>
          selfScore('cao-bang', item, { selfScore: 5 }, officer('cao-bang'), other.body.id),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
      expect(new Set(answers.map((res) => res.body.sheetId)).size).toBe(1);
      const [{ count }] = (await t.dataSource.query(
        `SELECT count(*)::int AS count FROM approval_requests WHERE subject_type = 'score_sheet' AND subject_id = $1`,
        [answers[0].body.sheetId],
      )) as { count: number }[];
      expect(count).toBe(1);
    });

    it('refuses self-scoring after the deadline (Asia/Ho_Chi_Minh)', async () => {
      const late = await openPeriod({
        name: 'Đợt đã đóng',
        selfScoringDue: '2020-01-01',
        explanationDue: '2020-01-10',
      });
      expect(late.status).toBe(201);
      expect(problem(await selfScore('son-la', 'A1', { selfScore: 1 }, officer('son-la'), late.body.id))).toEqual({
        status: 409,
        code: 'self_scoring_closed',
      });
    });
  });

  describe('submission', () => {
    it("the heads submit their units' sheets; the officer may not", async () => {
      const requestId = (await readSheet('son-la', head('son-la'))).body.approval.requestId;
      expect((await act(requestId, officer('son-la'), 'submit')).status).toBe(403);
      for (const code of CODES) {
        const id = (await readSheet(code, head(code))).body.approval.requestId;
        const res = await act(id, head(code), 'submit');
        expect(res.status).toBe(200);
        expect(res.body.state).toBe('submitted');
      }
      const sheet = await readSheet('son-la', officer('lai-chau'));
      expect(sheet.status).toBe(200);
      expect(sheet.body).toMatchObject({
        status: 'submitted',
        submittedAt: expect.any(String),
        approval: { state: 'submitted' },
      });
    });

    it('a submitted sheet refuses self scores; the secretariat returns it with a comment, the head submits again', async () => {
      expect(problem(await selfScore('lang-son', 'A1', { selfScore: 9 }))).toEqual({
        status: 409,
        code: 'sheet_not_draft',
      });
      const requestId = (await readSheet('lang-son', head('lang-son'))).body.approval.requestId;
      expect(problem(await act(requestId, SECRETARIAT, 'return'))).toEqual({ status: 400, code: 'comment_required' });
      const returned = await act(requestId, SECRETARIAT, 'return', 'Bổ sung minh chứng tiêu chí B1');
      expect(returned.status).toBe(200);
      expect((await readSheet('lang-son', officer('lang-son'))).body).toMatchObject({
        status: 'draft',
        submittedAt: null,
      });
      expect(problem(await readSheet('lang-son', officer('son-la')))).toEqual({
        status: 403,
        code: 'sheet_not_visible',
      });
      expect((await selfScore('lang-son', 'B1', { selfScore: 14 })).status).toBe(200);
      expect((await act(requestId, head('lang-son'), 'submit')).body).toMatchObject({ state: 'submitted', round: 2 });
    });
  });

  describe('cross-review', () => {
    it('the secretariat assigns reviewers, never from the unit under review, each once', async () => {
      const res = await assign('son-la', reviewer());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        periodId,
        unitId: unitIds['son-la'],
        unitCode: 'son-la',
        reviewerId: userIds[reviewer()],
        assignedBy: userIds[SECRETARIAT],
      });
      expect(problem(await assign('son-la', reviewer()))).toEqual({ status: 409, code: 'reviewer_already_assigned' });
      for (const ownPerson of [officer('son-la'), head('son-la'), delegate('son-la')]) {
        expect(problem(await assign('son-la', ownPerson))).toEqual({ status: 422, code: 'reviewer_from_same_unit' });
      }
      expect(problem(await assign('son-la', officer('dien-bien'), head('lang-son')))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect((await assign('lai-chau', head('cao-bang'))).status).toBe(201);
      const list = await t.http
        .get(`${API}/scoring-periods/${periodId}/review-assignments?unitId=${unitIds['son-la']}`)
        .set(await asUser(t, delegate('ha-giang')));
      expect(list.body).toMatchObject({
        total: 1,
        items: [{ reviewerId: userIds[reviewer()], reviewerName: expect.any(String) }],
      });
    });

    it('refuses a reviewer scoring their own unit, and anyone not assigned', async () => {
      const body = { reviewedScore: 9, comment: 'Đạt' };
      expect(problem(await review('son-la', 'A1', body, officer('son-la')))).toEqual({
        status: 403,
        code: 'reviewer_own_unit',
      });
      expect(problem(await review('son-la', 'A1', body, officer('dien-bien')))).toEqual({
        status: 403,
        code: 'not_assigned_reviewer',
      });
      expect(problem(await review('son-la', 'A1', body, SECRETARIAT))).toEqual({
        status: 403,
        code: 'not_assigned_reviewer',
      });
    });

    it('re-checks mandates when scoring: a reviewer who has since joined the unit is refused', async () => {
      const joiner = head('cao-bang');
      expect((await assign('dien-bien', joiner)).status).toBe(201);
      await t.dataSource.query(
        `INSERT INTO mandates (user_id, role, unit_id, valid_from) VALUES ($1, 'officer', $2, now() - interval '1 minute')`,
        [userIds[joiner], unitIds['dien-bien']],
      );
      expect(problem(await review('dien-bien', 'A1', { reviewedScore: 9, comment: 'Đạt' }, joiner))).toEqual({
        status: 403,
        code: 'reviewer_own_unit',
      });
    });

    it('refuses a review of a sheet that is not submitted, out of range, or on a parent', async () => {
      const requestId = (await readSheet('lai-chau', SECRETARIAT)).body.approval.requestId;
      expect((await act(requestId, SECRETARIAT, 'return', 'Kiểm tra lại tiêu chí C')).status).toBe(200);
      const body = { reviewedScore: 9, comment: 'Đạt' };
      expect(problem(await review('lai-chau', 'A1', body, head('cao-bang')))).toEqual({
        status: 409,
        code: 'sheet_not_submitted',
      });
      expect((await act(requestId, head('lai-chau'), 'submit')).status).toBe(200);
      expect(problem(await review('son-la', 'B1', { reviewedScore: 15.5, comment: 'x' }, reviewer()))).toEqual({
        status: 422,
        code: 'score_out_of_range',
      });
      expect(problem(await review('son-la', 'B', { reviewedScore: 1, comment: 'x' }, reviewer()))).toEqual({
        status: 422,
        code: 'score_on_parent',
      });
      expect(problem(await review('son-la', 'B1', { reviewedScore: 12 }, reviewer()))).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    });

    it('the assigned reviewer enters reviewed scores with comments', async () => {
      const res = await review(
        'son-la',
        'B1',
        { reviewedScore: '12.5', comment: 'Chỉ chứng minh 10 HTX mới' },
        reviewer(),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        itemCode: 'B1',
        selfScore: '15.00',
        reviewedScore: '12.50',
        reviewComment: 'Chỉ chứng minh 10 HTX mới',
        reviewedBy: userIds[reviewer()],
        effectiveFinal: '12.50',
      });
      expect(
        (await review('son-la', 'PEN-LATE-REPORT', { reviewedScore: 2, comment: 'Chậm 2 báo cáo' }, reviewer())).status,
      ).toBe(200);
      expect((await review('son-la', 'A1', { reviewedScore: 10, comment: 'Đạt' }, reviewer())).status).toBe(200);
      // The reviewer of a submitted sheet reads it, like everyone in the cluster.
      expect((await readSheet('son-la', reviewer())).status).toBe(200);
    });

    it('an assignment stays once its reviewer has scored; an unused one can be withdrawn', async () => {
      const list = await t.http
        .get(`${API}/scoring-periods/${periodId}/review-assignments`)
        .set(await asUser(t, SECRETARIAT));
      const byUnit = (code: string) => list.body.items.find((a: { unitCode: string }) => a.unitCode === code).id;
      const withdraw = async (id: string) =>
        t.http.delete(`${API}/scoring-periods/${periodId}/review-assignments/${id}`).set(await asUser(t, SECRETARIAT));
      expect(problem(await withdraw(byUnit('son-la')))).toEqual({ status: 409, code: 'review_assignment_has_reviews' });
      expect((await withdraw(byUnit('lai-chau'))).status).toBe(204);
      expect(problem(await withdraw(byUnit('lai-chau')))).toEqual({ status: 404, code: 'review_assignment_not_found' });
    });
  });

  describe('explanations and finals', () => {
    const explain = async (item: string, explanation: string, email = officer('son-la')) =>
      t.http
        .put(`${sheetPath('son-la')}/entries/${item}/explanation`)
        .set(await asUser(t, email))
        .send({ explanation });
    const fix = async (item: string, body: Record<string, unknown>, email = SECRETARIAT) =>
      t.http
        .put(`${sheetPath('son-la')}/entries/${item}/final`)
        .set(await asUser(t, email))
        .send(body);

    it('the unit explains a difference, only where there is one and only until the deadline', async () => {
      expect(problem(await explain('A1', 'Không có chênh lệch'))).toEqual({
        status: 409,
        code: 'no_difference_to_explain',
      });
      expect(problem(await explain('A2', 'Chưa chấm chéo'))).toEqual({ status: 409, code: 'no_difference_to_explain' });
      expect(problem(await explain('B1', 'x', officer('lao-cai')))).toEqual({
        status: 403,
        code: 'sheet_entry_forbidden',
      });
      const res = await explain('B1', '  2 HTX được cấp đăng ký ngày 28/12, kèm giấy chứng nhận  ');
      expect(res.status).toBe(200);
      expect(res.body.explanation).toBe('2 HTX được cấp đăng ký ngày 28/12, kèm giấy chứng nhận');
      await t.dataSource.query(`UPDATE scoring_periods SET explanation_due = '2020-01-01' WHERE id = $1`, [periodId]);
      try {
        expect(problem(await explain('B1', 'Bổ sung'))).toEqual({ status: 409, code: 'explanation_closed' });
      } finally {
        await t.dataSource.query(`UPDATE scoring_periods SET explanation_due = '2099-11-20' WHERE id = $1`, [periodId]);
      }
    });

    it('the secretariat fixes finals; a final departing from the reviewed score needs a reason', async () => {
      expect(problem(await fix('B1', { finalScore: 13.75 }, officer('son-la')))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(problem(await fix('B1', { finalScore: 13.75 }))).toEqual({ status: 422, code: 'final_reason_required' });
      expect(problem(await fix('B1', { finalScore: 16, reason: 'x' }))).toEqual({
        status: 422,
        code: 'score_out_of_range',
      });
      const { etag } = await expectStaleVersionsRefused(
        'score_entry',
        async () => t.http.get(`${sheetPath('son-la')}/entries/B1`).set(await asUser(t, SECRETARIAT)),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { finalScore: 13.75, reason: 'x' });
          return t.http
            .put(`${sheetPath('son-la')}/entries/B1/final`)
            .set(await asUser(t, SECRETARIAT))
            .set(headers)
            .send(body);
        },
      );
      const fixed = await t.http
        .put(`${sheetPath('son-la')}/entries/B1/final`)
        .set(await asUser(t, SECRETARIAT))
        .set('If-Match', etag)
        .send({ finalScore: 13.75, reason: 'Chấp nhận một phần giải trình' });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({
        finalScore: '13.75',
        finalReason: 'Chấp nhận một phần giải trình',
        effectiveFinal: '13.75',
      });
      // Equal to the reviewed score (or, unreviewed, the self score): no reason needed.
      expect((await fix('PEN-LATE-REPORT', { finalScore: '2.00' })).status).toBe(200);
      expect((await fix('C3', { finalScore: 5 })).status).toBe(200);
    });

    it('the sheet totals each stage exactly: parents are sums, total = criteria + bonus − penalty', async () => {
      const { body } = await readSheet('son-la', delegate('dien-bien'));
      expect(body.totals).toEqual({
        self: {
          criteria: '100.00',
          bonus: '2.00',
          penalty: '1.00',
          total: '101.00',
          groups: { A: '30.00', B: '45.00', C: '25.00' },
        },
        reviewed: {
          criteria: '97.50',
          bonus: '2.00',
          penalty: '2.00',
          total: '97.50',
          groups: { A: '30.00', B: '42.50', C: '25.00' },
        },
        final: {
          criteria: '98.75',
          bonus: '2.00',
          penalty: '2.00',
          total: '98.75',
          groups: { A: '30.00', B: '43.75', C: '25.00' },
        },
      });
      expect(body.criteria[1]).toMatchObject({
        code: 'B',
        subtotals: { self: '45.00', reviewed: '42.50', final: '43.75' },
      });
    });

    it('the history keeps every change of the entry: who, when, old and new value, why', async () => {
      const res = await t.http
        .get(`${sheetPath('son-la')}/entries/B1/history`)
        .set(await asUser(t, officer('cao-bang')));
      expect(res.status).toBe(200);
      const rows = res.body.items.map((c: Record<string, unknown>) => [
        c.field,
        c.oldValue,
        c.newValue,
        c.actorId,
        c.reason,
      ]);
      expect(rows).toEqual([
        ['self_score', null, '15.00', userIds[officer('son-la')], null],
        ['reviewed_score', null, '12.50', userIds[reviewer()], 'Chỉ chứng minh 10 HTX mới'],
        ['review_comment', null, 'Chỉ chứng minh 10 HTX mới', userIds[reviewer()], 'Chỉ chứng minh 10 HTX mới'],
        [
          'explanation',
          null,
          '2 HTX được cấp đăng ký ngày 28/12, kèm giấy chứng nhận',
          userIds[officer('son-la')],
          null,
        ],
        ['final_score', null, '13.75', userIds[SECRETARIAT], 'Chấp nhận một phần giải trình'],
        ['final_reason', null, 'Chấp nhận một phần giải trình', userIds[SECRETARIAT], 'Chấp nhận một phần giải trình'],
      ]);
      expect(res.body.items[0]).toMatchObject({ actorName: expect.any(String), createdAt: expect.any(String) });
    });
  });

  describe('after adoption', () => {
    beforeAll(async () => {
      // Adoption is the ranking's route; here the period is marked adopted directly.
      await t.dataSource.query(`UPDATE scoring_periods SET status = 'adopted', adopted_at = now() WHERE id = $1`, [
        periodId,
      ]);
    });

    it('refuses every write with 409 period_adopted', async () => {
      expect(problem(await selfScore('son-la', 'A1', { selfScore: 9 }))).toEqual({
        status: 409,
        code: 'period_adopted',
      });
      expect(problem(await review('son-la', 'A1', { reviewedScore: 9, comment: 'x' }, reviewer()))).toEqual({
        status: 409,
        code: 'period_adopted',
      });
      const final = await t.http
        .put(`${sheetPath('son-la')}/entries/A1/final`)
        .set(await asUser(t, SECRETARIAT))
        .send({ finalScore: 9, reason: 'x' });
      expect(problem(final)).toEqual({ status: 409, code: 'period_adopted' });
      expect(problem(await assign('dien-bien', reviewer()))).toEqual({ status: 409, code: 'period_adopted' });
      expect((await readSheet('son-la', officer('lang-son'))).status).toBe(200);
    });

    it('the database refuses a direct change of an adopted period, its sheets and entries, and of the history', async () => {
      const sql = async (text: string) => {
        try {
          await t.dataSource.query(text, [periodId]);
          return 'accepted';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      expect(
        await sql(
          `UPDATE score_entries SET self_score = 1 WHERE sheet_id IN (SELECT id FROM score_sheets WHERE period_id = $1)`,
        ),
      ).toBe('TD001');
      expect(await sql(`UPDATE score_sheets SET status = 'draft' WHERE period_id = $1`)).toBe('TD001');
      expect(await sql(`UPDATE scoring_periods SET name = 'khác' WHERE id = $1`)).toBe('TD001');
      expect(
        await sql(
          `UPDATE score_changes SET new_value = '0' WHERE entry_id IN (SELECT e.id FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id WHERE s.period_id = $1)`,
        ),
      ).toBe('TD001');
    });

    it('every step is in the ledger, and the ledger still verifies', async () => {
      const actions = (
        (await t.dataSource.query(
          `SELECT DISTINCT action FROM ledger_entries WHERE action LIKE 'scoring.%' ORDER BY action`,
        )) as { action: string }[]
      ).map((row) => row.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'scoring.explanation_entered',
          'scoring.final_score_fixed',
          'scoring.period_opened',
          'scoring.reviewed_score_entered',
          'scoring.reviewer_assigned',
          'scoring.reviewer_unassigned',
          'scoring.self_score_entered',
          'scoring.sheet_created',
          'scoring.sheet_returned',
          'scoring.sheet_submitted',
        ]),
      );
      const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, delegate('son-la')));
      expect(verify.status).toBe(200);
      expect(verify.body.valid).toBe(true);
    });
  });
});
