import { randomUUID } from 'node:crypto';
import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId, officer, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';

/**
 * A unit's self scores in one request (PUT …/self-scores): a whole sheet stored at once, in one
 * transaction; a request with bad entries refused as a whole with every problem at its field
 * path; the single-entry route's rules about who may enter. Dates far in the future: true on any day.
 */
describe('bulk self-scores', () => {
  let t: TestApp;
  let periodId: string;
  const unitIds: Record<string, string> = {};

  const LEAVES: Record<string, number> = { A1: 10, A2: 10, A3: 10, B1: 15, B2: 15, B3: 15, C1: 10, C2: 10, C3: 5 };
  const sheetPath = (code: string) => `${API}/scoring-periods/${periodId}/units/${unitIds[code]}`;
  const enter = async (code: string, entries: Record<string, unknown>[], email = officer(code)) =>
    t.http
      .put(`${sheetPath(code)}/self-scores`)
      .set(await asUser(t, email))
      .send({ entries });
  const storedEntries = async (code: string) =>
    (await t.dataSource.query(
      `SELECT e.item_code, e.self_score, e.version FROM score_entries e
         JOIN score_sheets s ON s.id = e.sheet_id
        WHERE s.period_id = $1 AND s.unit_id = $2 ORDER BY e.item_code`,
      [periodId, unitIds[code]],
    )) as { item_code: string; self_score: string; version: number }[];
  const sheetCount = async (code: string) =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM score_sheets WHERE period_id = $1 AND unit_id = $2`, [
        periodId,
        unitIds[code],
      ])) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    const secretariat = await asUser(t, SECRETARIAT);
    const clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    const rules = await t.http.get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`).set(admin);
    const rulesVersionId = (rules.body.items as { id: string; number: number }[]).find((r) => r.number === 1)!.id;
    const cycleId = (await t.http.post(`${API}/clusters/${clusterId}/cycles`).set(secretariat).send({ year: 2030 }))
      .body.id;
    const advance = async (to: string) =>
      expect((await t.http.post(`${API}/cycles/${cycleId}/advance`).set(secretariat).send({ to })).status).toBe(200);
    await advance('rules_adoption');
    await t.http.put(`${API}/cycles/${cycleId}/rules-version`).set(secretariat).send({ rulesVersionId });
    await advance('pledge_signing');
    await insertSealedPledge(t.dataSource, cycleId);
    await advance('in_progress');
    const period = await t.http
      .post(`${API}/cycles/${cycleId}/scoring-periods`)
      .set(secretariat)
      .send({ name: 'Đợt 1', selfScoringDue: '2099-11-10', explanationDue: '2099-11-20' });
    expect(period.status).toBe(201);
    periodId = period.body.id;
  });
  afterAll(() => t.close());

  it("stores a unit's whole sheet in one request, and answers the sheet", async () => {
    const entries = [
      ...Object.entries(LEAVES).map(([itemCode, max]) => ({ itemCode, selfScore: String(max - 1) })),
      { itemCode: 'BONUS-MODEL', selfScore: 1, selfNote: '  Mô hình HTX kiểu mới  ' },
    ];
    const res = await enter('son-la', entries);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitId: unitIds['son-la'], status: 'draft', id: expect.any(String) });
    expect(res.body.totals.self).toMatchObject({ criteria: '91.00', bonus: '1.00', total: '92.00' });
    expect(res.body.bonus[0]).toMatchObject({
      code: 'BONUS-MODEL',
      entry: { selfScore: '1.00', selfNote: 'Mô hình HTX kiểu mới' },
    });
    const stored = await storedEntries('son-la');
    expect(stored).toHaveLength(10);
    expect(stored.find((e) => e.item_code === 'C3')).toMatchObject({ self_score: '4.00', version: 1 });
    // Every entry keeps its history and its ledger entry, as with the single-entry route.
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'scoring.self_score_entered' AND payload->>'unitId' = $1`,
      [unitIds['son-la']],
    )) as { n: number }[];
    expect(n).toBe(10);
  });

  it('changes only the listed entries, checking the versions sent', async () => {
    const res = await enter('son-la', [
      { itemCode: 'A1', selfScore: '10', expectedVersion: 1 },
      { itemCode: 'A2', selfScore: '8.25' },
    ]);
    expect(res.status).toBe(200);
    const stored = new Map((await storedEntries('son-la')).map((e) => [e.item_code, e]));
    expect(stored.get('A1')).toMatchObject({ self_score: '10.00', version: 2 });
    expect(stored.get('A2')).toMatchObject({ self_score: '8.25', version: 2 });
    expect(stored.get('B1')).toMatchObject({ self_score: '14.00', version: 1 });
  });

  it('refuses the whole request when one entry is bad: 422 with its path, nothing stored', async () => {
    const entries = Object.entries(LEAVES).map(([itemCode, max]) => ({ itemCode, selfScore: max }));
    entries[3] = { itemCode: 'B1', selfScore: 15.5 };
    const res = await enter('lai-chau', entries);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'self_scores_invalid',
      errors: [
        { field: 'entries[3].selfScore', code: 'score_out_of_range', messages: [expect.stringContaining('B1')] },
      ],
    });
    expect(res.body.errors).toHaveLength(1);
    // Not even the sheet its first score would have created.
    expect(await sheetCount('lai-chau')).toBe(0);
  });

  it('lists every bad entry at once, each with its own code', async () => {
    const before = await storedEntries('son-la');
    const res = await enter('son-la', [
      { itemCode: 'A3', selfScore: 1 },
      { itemCode: 'B', selfScore: 1 },
      { itemCode: 'Z9', selfScore: 1 },
      { itemCode: 'A3', selfScore: 2 },
      { itemCode: 'C1', selfScore: -1 },
      { itemCode: 'C2', selfScore: 1, expectedVersion: 7 },
      { itemCode: 'C3', selfScore: 1, progressReportIds: ['00000000-0000-4000-8000-000000000000'] },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('self_scores_invalid');
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['entries[1].itemCode', 'score_on_parent'],
      ['entries[2].itemCode', 'item_not_found'],
      ['entries[3].itemCode', 'item_listed_twice'],
      ['entries[4].selfScore', 'score_out_of_range'],
      ['entries[5].expectedVersion', 'concurrent_update'],
      ['entries[6].progressReportIds', 'progress_report_not_citable'],
    ]);
    // The good first entry was not written either.
    expect(await storedEntries('son-la')).toEqual(before);
  });

  it('refuses malformed entries before anything runs: 400 with the field paths', async () => {
    const res = await enter('son-la', [
      { itemCode: 'A3', selfScore: 1 },
      { itemCode: 'A2', selfScore: 'mười' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([{ field: 'entries[1].selfScore', messages: [expect.any(String)] }]);
    expect((await enter('son-la', [])).body.code).toBe('validation_failed');
  });

  it.each([
    ['the officer of another unit', officer('lai-chau'), 403, 'sheet_entry_forbidden'],
    ["the unit's delegate (no mandate to enter scores)", 'daibieu.son-la@thidua.local', 403, 'forbidden'],
    ["the cluster's secretariat", SECRETARIAT, 403, 'forbidden'],
  ])('refuses %s, storing nothing', async (_case, email, status, code) => {
    const before = await storedEntries('son-la');
    const res = await enter('son-la', [{ itemCode: 'A3', selfScore: 3 }], email);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await storedEntries('son-la')).toEqual(before);
  });

  it("lets the unit's head enter them too", async () => {
    const res = await enter('son-la', [{ itemCode: 'A3', selfScore: 3 }], 'chutich.son-la@thidua.local');
    expect(res.status).toBe(200);
    expect(res.body.criteria[0].children[2]).toMatchObject({ code: 'A3', entry: { selfScore: '3.00' } });
  });

  it('is in the OpenAPI document with its typed entries', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, { put?: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const put = document.paths['/api/v1/scoring-periods/{periodId}/units/{unitId}/self-scores'].put!;
    const body = put.requestBody.content['application/json'].schema.$ref.split('/').pop()!;
    expect(document.components.schemas[body].properties.entries).toMatchObject({ type: 'array', maxItems: 500 });
    const entry = document.components.schemas.SelfScoreEntryDto;
    expect(Object.keys(entry.properties)).toEqual(
      expect.arrayContaining(['itemCode', 'selfScore', 'selfNote', 'progressReportIds', 'expectedVersion']),
    );
    expect(entry.required).toEqual(expect.arrayContaining(['itemCode', 'selfScore']));
  });

  // Here because this spec has a sheet with entries: the upload is the one multipart create.
  it('stores one evidence file when an upload is retried with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(randomUUID()), Buffer.from('\n%%EOF\n')]);
    const upload = async () =>
      t.http
        .post(`${sheetPath('son-la')}/entries/A1/evidence`)
        .set(await asUser(t, officer('son-la')))
        .set('Idempotency-Key', key)
        .attach('file', file, 'bien-ban.pdf');
    const first = await upload();
    expect(first.status).toBe(201);
    const retry = await upload();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence_files WHERE file_name = 'bien-ban.pdf'`,
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it('refuses a submitted sheet as a whole: 409 sheet_not_draft, nothing stored', async () => {
    const head = await asUser(t, 'chutich.son-la@thidua.local');
    const sheet = await t.http.get(`${sheetPath('son-la')}/sheet`).set(head);
    const submitted = await t.http
      .post(`${API}/approvals/${sheet.body.approval.requestId}/acts`)
      .set(head)
      .send({ transition: 'submit' });
    expect(submitted.status).toBe(200);
    const before = await storedEntries('son-la');
    const res = await enter('son-la', [{ itemCode: 'A3', selfScore: 1 }], 'chutich.son-la@thidua.local');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'sheet_not_draft' });
    expect(await storedEntries('son-la')).toEqual(before);
  });
});
