import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../src/modules/ledger/ledger-hash';
import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { problem } from '../utils/problems';
import { asUser, DEMO_ADMIN, demoClusterId, head, officer, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';
import { asBytes } from '../utils/bytes';

/**
 * The ranking and its adoption through HTTP, on the demo cluster's 7 units scored in a 2030 cycle
 * against the demo's adopted rules v1: totals (criteria + bonus − penalty, exact), order, group
 * subtotals, the tie-breaks of the rules (higher final score, women-led unit, the recorded draw),
 * missing sheets, adoption (immutable afterwards, also in the database), the CSV export and the
 * gate that keeps the cycle from voting until the ranking is adopted.
 */
describe('ranking and adoption', () => {
  let t: TestApp;
  let clusterId: string;
  let cycleId: string;
  let periodId: string;
  let rulesVersionId: string;
  let groupNames: Record<string, string>;
  const unitIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  const CODES = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'] as const;

  /**
   * Self scores (leaves A1…C3 of rules v1, bonus BONUS-*, penalty PEN-*). Final totals, after the
   * review and the final fixed for lao-cai below: son-la 36, dien-bien 30 = lai-chau 30, ha-giang
   * 25 = cao-bang 25, lang-son 23, lao-cai 19 (self 23, reviewed 22). Leaves not listed score 0
   * (a sheet is submitted only with every leaf scored).
   */
  const LEAVES = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'];
  const SELF_SCORES: Record<(typeof CODES)[number], Record<string, string>> = {
    'son-la': { A1: '10', B1: '15', C1: '9.5', 'BONUS-MODEL': '2', 'PEN-LATE-REPORT': '0.5' },
    'lai-chau': { A1: '10', B1: '10', C1: '10' },
    'dien-bien': { A1: '10', B1: '12', C1: '8' },
    'ha-giang': { A1: '5', B1: '10', C1: '10' },
    'cao-bang': { A1: '10', B1: '5', C1: '10' },
    'lao-cai': { A1: '9', B1: '7', C1: '7' },
    // 0.1 + 0.2 must be 0.30 exactly.
    'lang-son': { A1: '0.1', A2: '0.2', B1: '14.7', C2: '5', C3: '5', 'PEN-VIOLATION': '2' },
  };

  const ranking = async (query = '', email = officer('lao-cai'), period = () => periodId) =>
    t.http.get(`${API}/scoring-periods/${period()}/ranking${query}`).set(await asUser(t, email));
  const adopt = async (body: Record<string, unknown> = {}, email = SECRETARIAT) =>
    t.http
      .post(`${API}/scoring-periods/${periodId}/adopt`)
      .set(await asUser(t, email))
      .send(body);
  const advance = async (to: string) =>
    t.http
      .post(`${API}/cycles/${cycleId}/advance`)
      .set(await asUser(t, SECRETARIAT))
      .send({ to });
  const sheetOf = async (code: string) =>
    t.http.get(`${API}/scoring-periods/${periodId}/units/${unitIds[code]}/sheet`).set(await asUser(t, head(code)));
  async function submit(code: string) {
    const requestId = (await sheetOf(code)).body.approval.requestId as string;
    const res = await t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await asUser(t, head(code)))
      .send({ transition: 'submit' });
    expect({ code, state: res.body.state }).toEqual({ code, state: 'submitted' });
  }
  const order = (body: { rows: { unitCode: string }[] }) => body.rows.map((row) => row.unitCode);
  const row = (body: { rows: { unitCode: string }[] }, code: string) =>
    body.rows.find((r) => r.unitCode === code) as Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, DEMO_ADMIN);
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    for (const user of (await t.dataSource.query(`SELECT id, email FROM users`)) as { id: string; email: string }[])
      userIds[user.email] = user.id;
    const rules = await t.http.get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`).set(admin);
    const v1 = (rules.body.items as { id: string; number: number }[]).find((r) => r.number === 1)!;
    rulesVersionId = v1.id;
    const content = (await t.http.get(`${API}/rules-versions/${rulesVersionId}`).set(admin)).body.content;
    groupNames = Object.fromEntries(
      (content.scoring.criteria as { code: string; name: string }[]).map((g) => [g.code, g.name]),
    );

    // A 2030 cycle under rules v1, walked to evaluation, with one scoring period.
    cycleId = (
      await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await asUser(t, SECRETARIAT))
        .send({ year: 2030 })
    ).body.id;
    expect((await advance('rules_adoption')).status).toBe(200);
    const pinned = await t.http
      .put(`${API}/cycles/${cycleId}/rules-version`)
      .set(await asUser(t, SECRETARIAT))
      .send({ rulesVersionId });
    expect(pinned.status).toBe(200);
    expect((await advance('pledge_signing')).status).toBe(200);
    // The year's work needs a sealed pledge (gate pledges.sealed); pledges are not this spec's subject.
    await insertSealedPledge(t.dataSource, cycleId);
    for (const to of ['in_progress', 'evaluation']) expect((await advance(to)).status).toBe(200);
    const period = await t.http
      .post(`${API}/cycles/${cycleId}/scoring-periods`)
      .set(await asUser(t, SECRETARIAT))
      .send({ name: 'Chấm điểm thi đua năm 2030', selfScoringDue: '2099-11-10', explanationDue: '2099-11-20' });
    expect(period.status).toBe(201);
    periodId = period.body.id;

    for (const code of CODES) {
      const scores = { ...Object.fromEntries(LEAVES.map((leaf) => [leaf, '0'])), ...SELF_SCORES[code] };
      for (const [item, selfScore] of Object.entries(scores)) {
        const res = await t.http
          .put(`${API}/scoring-periods/${periodId}/units/${unitIds[code]}/entries/${item}`)
          .set(await asUser(t, officer(code)))
          .send({ selfScore });
        expect(res.status).toBe(200);
      }
    }
    // lao-cai stays a draft for now.
    for (const code of CODES.filter((c) => c !== 'lao-cai')) await submit(code);
  });
  afterAll(() => t.close());

  describe('before every sheet is submitted', () => {
    it('ranks the submitted sheets only, and lists the member units without one', async () => {
      const res = await ranking('?stage=self');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ periodId, cycleId, rulesVersionId, stage: 'self', adopted: false });
      expect(res.body.rows).toHaveLength(6);
      expect(order(res.body)).not.toContain('lao-cai');
      expect(res.body.missingUnits).toEqual([
        {
          unitId: unitIds['lao-cai'],
          unitCode: 'lao-cai',
          unitName: 'Liên minh Hợp tác xã tỉnh Lào Cai',
          sheetStatus: 'draft',
        },
      ]);
    });

    it('refuses adoption with 409 sheets_missing, naming the units', async () => {
      const res = await adopt();
      expect(problem(res)).toEqual({ status: 409, code: 'sheets_missing' });
      expect(res.body.units).toEqual([expect.objectContaining({ unitCode: 'lao-cai', sheetStatus: 'draft' })]);
      const [period] = (await t.dataSource.query(`SELECT status FROM scoring_periods WHERE id = $1`, [periodId])) as {
        status: string;
      }[];
      expect(period.status).toBe('open');
    });

    it('keeps the cycle out of voting: the ranking is not adopted (blocking gate)', async () => {
      const res = await advance('voting');
      expect(problem(res)).toEqual({ status: 409, code: 'cycle_gate_unmet' });
      expect(res.body.unmet).toEqual([
        expect.objectContaining({ gate: 'scoring.ranking_adopted', message: expect.stringContaining('not adopted') }),
      ]);
    });
  });

  describe('the table', () => {
    beforeAll(async () => {
      await submit('lao-cai');
      // Cross-review of one lao-cai item, and a final fixed by the secretariat for another.
      const assigned = await t.http
        .post(`${API}/scoring-periods/${periodId}/review-assignments`)
        .set(await asUser(t, SECRETARIAT))
        .send({ unitId: unitIds['lao-cai'], reviewerId: userIds[officer('son-la')] });
      expect(assigned.status).toBe(201);
      const reviewed = await t.http
        .put(`${API}/scoring-periods/${periodId}/units/${unitIds['lao-cai']}/entries/B1/review`)
        .set(await asUser(t, officer('son-la')))
        .send({ reviewedScore: '6', comment: 'Hồ sơ chỉ chứng minh một phần.' });
      expect(reviewed.status).toBe(200);
      const fixed = await t.http
        .put(`${API}/scoring-periods/${periodId}/units/${unitIds['lao-cai']}/entries/A1/final`)
        .set(await asUser(t, SECRETARIAT))
        .send({ finalScore: '6', reason: 'Kết luận kiểm tra của Cụm.' });
      expect(fixed.status).toBe(200);
    });

    it('sums leaves, bonus and penalty exactly; groups are sums of their leaves; best first', async () => {
      const res = await ranking();
      expect(res.status).toBe(200);
      expect(res.body.stage).toBe('final');
      expect(res.body.missingUnits).toEqual([]);
      expect(res.body.groups).toEqual(['A', 'B', 'C'].map((code) => ({ code, name: groupNames[code] })));
      expect(row(res.body, 'son-la')).toEqual({
        rank: 1,
        tied: false,
        unitId: unitIds['son-la'],
        unitCode: 'son-la',
        unitName: 'Liên minh Hợp tác xã tỉnh Sơn La',
        womenLed: false,
        total: '36.00',
        criteria: '34.50',
        bonus: '2.00',
        penalty: '0.50',
        groups: { A: '10.00', B: '15.00', C: '9.50' },
      });
      expect(row(res.body, 'lang-son')).toMatchObject({
        total: '23.00',
        criteria: '25.00',
        penalty: '2.00',
        groups: { A: '0.30', B: '14.70', C: '10.00' },
      });
      expect(row(res.body, 'lao-cai')).toMatchObject({ total: '19.00', groups: { A: '6.00', B: '6.00', C: '7.00' } });
      expect(
        res.body.rows.map((r: { unitCode: string; rank: number; tied: boolean }) => [r.unitCode, r.rank, r.tied]),
      ).toEqual([
        ['son-la', 1, false],
        ['dien-bien', 2, true],
        ['lai-chau', 2, true],
        ['cao-bang', 4, true],
        ['ha-giang', 4, true],
        ['lang-son', 6, false],
        ['lao-cai', 7, false],
      ]);
      expect(res.body).toMatchObject({ tieBreaks: [], leadingUnitId: null, rankingDigest: null });
    });

    it('a women-led unit goes first among equal totals', async () => {
      await t.dataSource.query(`UPDATE units SET women_led = true WHERE code = 'lai-chau'`);
      const res = await ranking();
      expect(order(res.body).slice(1, 3)).toEqual(['lai-chau', 'dien-bien']);
      expect(row(res.body, 'lai-chau')).toMatchObject({ rank: 2, tied: false, womenLed: true });
      expect(row(res.body, 'dien-bien')).toMatchObject({ rank: 3, tied: false });
      expect(res.body.tieBreaks).toEqual(['women_led_unit']);
    });

    it('at an earlier stage, an equal total goes to the higher final score first', async () => {
      const self = await ranking('?stage=self');
      expect(row(self.body, 'lao-cai')).toMatchObject({ total: '23.00', rank: 7 });
      expect(row(self.body, 'lang-son')).toMatchObject({ total: '23.00', rank: 6, tied: false });
      expect(self.body.tieBreaks).toEqual(['higher_final_score', 'women_led_unit']);
      const reviewed = await ranking('?stage=reviewed');
      expect(row(reviewed.body, 'lao-cai')).toMatchObject({
        total: '22.00',
        groups: { A: '9.00', B: '6.00', C: '7.00' },
      });
    });

    it('refuses an unknown stage', async () => {
      expect(problem(await ranking('?stage=draft'))).toEqual({ status: 400, code: 'validation_failed' });
    });

    it('exports CSV with a BOM, Vietnamese headers and a column per criteria group', async () => {
      const res = await t.http
        .get(`${API}/scoring-periods/${periodId}/ranking.csv?stage=final`)
        .set(await asUser(t, head('ha-giang')))
        .buffer(true)
        .parse(asBytes);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="xep-hang-bien-gioi-phia-bac-2030-final.csv"',
      );
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      const groupColumn = (code: string) => {
        const header = `Nhóm ${code}: ${groupNames[code]}`;
        return /[",]/.test(header) ? `"${header.replace(/"/g, '""')}"` : header;
      };
      expect(lines[0]).toBe(
        [
          'Hạng',
          'Đơn vị',
          'Tổng điểm',
          'Điểm tiêu chí',
          'Điểm thưởng',
          'Điểm trừ',
          ...['A', 'B', 'C'].map(groupColumn),
        ].join(','),
      );
      expect(lines[1]).toBe('1,Liên minh Hợp tác xã tỉnh Sơn La,36.00,34.50,2.00,0.50,10.00,15.00,9.50');
      expect(lines).toHaveLength(9); // header, 7 units, the empty string after the last CRLF
      expect(lines[8]).toBe('');
    });
  });

  describe('adoption', () => {
    let adopted: { body: Record<string, unknown> & { rows: Record<string, unknown>[] } };

    it("is the cluster secretariat's (or an administrator's) act, with the version read", async () => {
      expect(problem(await adopt({}, head('son-la')))).toEqual({ status: 403, code: 'forbidden' });
      expect(problem(await adopt({ expectedVersion: 99 }))).toEqual({ status: 409, code: 'version_conflict' });
      const { etag } = await expectStaleVersionsRefused(
        'scoring_period',
        async () => t.http.get(`${API}/scoring-periods/${periodId}`).set(await asUser(t, SECRETARIAT)),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, {});
          return t.http
            .post(`${API}/scoring-periods/${periodId}/adopt`)
            .set(await asUser(t, SECRETARIAT))
            .set(headers)
            .send(body);
        },
      );
      expect(etag).toBe('"1"');
    });

    it('draws the remaining tie with a seed recorded in the ledger first, then fixes the ranking', async () => {
      const res = await t.http
        .post(`${API}/scoring-periods/${periodId}/adopt`)
        .set(await asUser(t, SECRETARIAT))
        .set('If-Match', '"1"')
        .send({ expectedVersion: 1 });
      expect(res.status).toBe(200);
      adopted = res;
      expect(res.body).toMatchObject({
        adopted: true,
        stage: 'final',
        leadingUnitId: unitIds['son-la'],
        tieBreaks: ['women_led_unit', 'recorded_draw'],
        missingUnits: [],
      });
      expect(res.body.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(res.body.rows.every((r: { tied: boolean }) => !r.tied)).toBe(true);
      expect(res.body.rows[0]).toMatchObject({ unitCode: 'son-la', rank: 1 });

      const entries = (await t.dataSource.query(
        `SELECT seq, action, payload FROM ledger_entries
          WHERE subject_type = 'scoring_period' AND subject_id = $1 ORDER BY seq`,
        [periodId],
      )) as { seq: string; action: string; payload: Record<string, unknown> }[];
      const draw = entries.find((e) => e.action === 'scoring.draw_seeded')!;
      const adoption = entries.find((e) => e.action === 'scoring.ranking_adopted')!;
      expect(BigInt(draw.seq)).toBeLessThan(BigInt(adoption.seq));
      const seed = draw.payload.seed as string;
      expect(seed).toMatch(/^[0-9a-f]{64}$/);
      const tied = [unitIds['cao-bang'], unitIds['ha-giang']];
      expect((draw.payload.tiedUnits as string[][]).map((group) => [...group].sort())).toEqual([[...tied].sort()]);

      // Anyone holding the seed recomputes the order of the drawn units.
      const key = (unitId: string) =>
        createHash('sha256')
          .update(seed + unitId)
          .digest('hex');
      const expected = [...tied].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      expect(res.body.rows.slice(3, 5).map((r: { unitId: string }) => r.unitId)).toEqual(expected);
      expect(res.body.rows.slice(3, 5).map((r: { rank: number }) => r.rank)).toEqual([4, 5]);

      // The adoption entry names the leading unit and the digest of exactly these rows.
      expect(adoption.payload).toMatchObject({
        leadingUnitId: unitIds['son-la'],
        drawSeed: seed,
        rankingDigest: sha256Hex(canonicalJson(res.body.rows)),
      });
      expect(res.body.rankingDigest).toBe(adoption.payload.rankingDigest);
    });

    it('refuses a second adoption', async () => {
      expect(problem(await adopt())).toEqual({ status: 409, code: 'period_adopted' });
    });

    it('serves the adopted snapshot afterwards, unchanged by later changes elsewhere', async () => {
      await t.dataSource.query(`UPDATE units SET women_led = false WHERE code = 'lai-chau'`);
      const res = await ranking('', officer('dien-bien'));
      expect(res.body).toEqual({ ...adopted.body });
      const csv = await t.http.get(`${API}/scoring-periods/${periodId}/ranking.csv`).set(await asUser(t, DEMO_ADMIN));
      expect(csv.status).toBe(200);
      expect(csv.text.split('\r\n')[1]).toMatch(/^1,Liên minh Hợp tác xã tỉnh Sơn La,36\.00,/);
    });

    it('makes every score immutable: the API refuses, and so does the database (TD001)', async () => {
      const final = await t.http
        .put(`${API}/scoring-periods/${periodId}/units/${unitIds['lao-cai']}/entries/C1/final`)
        .set(await asUser(t, SECRETARIAT))
        .send({ finalScore: '5', reason: 'Sau khi thông qua.' });
      expect(problem(final)).toEqual({ status: 409, code: 'period_adopted' });
      await expect(
        t.dataSource.query(
          `UPDATE score_entries SET final_score = 0
            WHERE sheet_id IN (SELECT id FROM score_sheets WHERE period_id = $1)`,
          [periodId],
        ),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
      await expect(
        t.dataSource.query(`UPDATE scoring_periods SET adopted_ranking = NULL WHERE id = $1`, [periodId]),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    });

    it('lets the cycle enter voting', async () => {
      const res = await advance('voting');
      expect(res.status).toBe(200);
      expect(res.body.phase).toBe('voting');
    });

    it('recorded everything in a ledger that still verifies', async () => {
      const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, officer('cao-bang')));
      expect(verify.body.valid).toBe(true);
    });
  });

  describe('who may read it; the gate without a period; adoptions racing', () => {
    let otherCycleId: string;

    it("is the cluster's people's: someone whose only mandate is in another cluster is refused", async () => {
      expect((await ranking('', officer('son-la'))).status).toBe(200);
      const other = await t.http
        .post(`${API}/clusters`)
        .set(await asUser(t, DEMO_ADMIN))
        .send({ code: 'cum-khac', name: 'Cụm khác' });
      expect(other.status).toBe(201);
      // Mandates are read afresh on every request: from now on this person is only another cluster's secretary.
      await t.dataSource.query(
        `INSERT INTO mandates (user_id, role, cluster_id, valid_from) VALUES ($1, 'secretariat', $2, now() - interval '1 day')`,
        [userIds[officer('son-la')], other.body.id],
      );
      await t.dataSource.query(`UPDATE mandates SET valid_to = now() WHERE user_id = $1 AND unit_id IS NOT NULL`, [
        userIds[officer('son-la')],
      ]);
      expect(problem(await ranking('', officer('son-la')))).toEqual({ status: 403, code: 'ranking_not_visible' });
    });

    it('an unknown period is a 404', async () => {
      const res = await ranking('', DEMO_ADMIN, () => '00000000-0000-4000-8000-000000000000');
      expect(problem(res)).toEqual({ status: 404, code: 'scoring_period_not_found' });
    });

    it('the gate also refuses a cycle that has no scoring period at all', async () => {
      const [{ id }] = (await t.dataSource.query(
        `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2031, 'evaluation', $2) RETURNING id`,
        [clusterId, rulesVersionId],
      )) as { id: string }[];
      const res = await t.http
        .post(`${API}/cycles/${id}/advance`)
        .set(await asUser(t, SECRETARIAT))
        .send({ to: 'voting' });
      expect(problem(res)).toEqual({ status: 409, code: 'cycle_gate_unmet' });
      expect(res.body.unmet).toEqual([
        expect.objectContaining({
          gate: 'scoring.ranking_adopted',
          message: expect.stringContaining('no scoring period'),
        }),
      ]);
      otherCycleId = id;
    });

    it('two adoptions of the same period at once: one adopts, the other is refused', async () => {
      // A period whose 7 sheets are submitted, put in place behind the API (scored on A1 only).
      const [{ id }] = (await t.dataSource.query(
        `INSERT INTO scoring_periods (cycle_id, name, rules_version_id, self_scoring_due, explanation_due, created_by)
         VALUES ($1, 'Đợt bổ sung', $2, '2099-11-10', '2099-11-20', $3) RETURNING id`,
        [otherCycleId, rulesVersionId, userIds[DEMO_ADMIN]],
      )) as { id: string }[];
      for (const [index, code] of CODES.entries()) {
        const [sheet] = (await t.dataSource.query(
          `INSERT INTO score_sheets (period_id, unit_id, status, submitted_at, created_by)
           VALUES ($1, $2, 'submitted', now(), $3) RETURNING id`,
          [id, unitIds[code], userIds[DEMO_ADMIN]],
        )) as { id: string }[];
        await t.dataSource.query(
          `INSERT INTO score_entries (sheet_id, item_code, item_kind, self_score) VALUES ($1, 'A1', 'criterion', $2)`,
          [sheet.id, String(index + 1)],
        );
      }
      const send = async () =>
        t.http
          .post(`${API}/scoring-periods/${id}/adopt`)
          .set(await asUser(t, SECRETARIAT))
          .send({});
      const results = await Promise.all([send(), send()]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('period_adopted');
      const winner = results.find((r) => r.status === 200)!;
      expect(winner.body.rows[0]).toMatchObject({ unitCode: 'lang-son', total: '7.00', rank: 1 });
      const adoptions = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'scoring.ranking_adopted' AND subject_id = $1`,
        [id],
      )) as { n: number }[];
      expect(adoptions[0].n).toBe(1);
    });
  });
});
