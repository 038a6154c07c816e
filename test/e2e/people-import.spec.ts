import ExcelJS from 'exceljs';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser } from '../utils/signed-in';
import { asBytes } from '../utils/bytes';

/**
 * Issue #13: a unit's people with their mandates imported from an .xlsx or CSV sheet by those
 * allowed to grant them (every row with the rules of POST /mandates), in one transaction, with a
 * dry run that reports row-level errors in Vietnamese and English; exported the same way.
 */
describe('people import and export', () => {
  let t: TestApp;
  let dienBien: string;

  const count = async (sql: string, params: unknown[] = []) =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;
  const mandatesOf = (unitId: string) => count(`SELECT count(*)::int AS n FROM mandates WHERE unit_id = $1`, [unitId]);
  const importSheet = async (who: string, unitId: string, bytes: Buffer, name: string, dryRun: boolean) =>
    t.http
      .post(`${API}/units/${unitId}/people/import${dryRun ? '?dryRun=true' : ''}`)
      .set(await asUser(t, who))
      .attach('file', bytes, name);

  async function xlsx(rows: (string | Date)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const BAD_CSV = Buffer.from(
    [
      'email,Họ và tên,Vai trò,validFrom',
      'moi1@dienbien.vn,Nguyễn Văn Một,đại biểu,2012-01-01',
      'khong-phai-email,Lò Văn Hai,officer,2012-01-01',
      'moi3@dienbien.vn,Tòng Thị Ba,head,2012-01-01',
      'moi4@dienbien.vn,,officer,',
      'moi5@dienbien.vn,Quàng Văn Năm,thư ký,01/02/2012',
    ].join('\r\n'),
    'utf8',
  );

  beforeAll(async () => {
    t = await createTestApp();
    dienBien = ((await t.dataSource.query(`SELECT id FROM units WHERE code = 'dien-bien'`)) as { id: string }[])[0].id;
  });
  afterAll(() => t.close());

  it('a dry run reports every bad row (row, column, code, vi and en) and writes nothing', async () => {
    const before = { mandates: await mandatesOf(dienBien), users: await count(`SELECT count(*)::int AS n FROM users`) };
    const res = await importSheet('admin@thidua.local', dienBien, BAD_CSV, 'nguoi.csv', true);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, rowCount: 5, granted: 1, accountsCreated: 1 });
    expect(res.body.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'granted'],
      [3, 'refused'],
      [4, 'refused'],
      [5, 'refused'],
      [6, 'refused'],
    ]);
    expect(
      res.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, 'email', 'email_invalid'],
      [4, 'role', 'unit_head_exists'],
      [5, 'fullName', 'full_name_required'],
      [6, 'role', 'role_invalid'],
      [6, 'validFrom', 'date_invalid'],
    ]);
    const headError = res.body.errors.find((e: { code: string }) => e.code === 'unit_head_exists');
    expect(headError.message.vi).toContain('một người đứng đầu');
    expect(headError.message.en).toContain('already has a head');
    expect({
      mandates: await mandatesOf(dienBien),
      users: await count(`SELECT count(*)::int AS n FROM users`),
    }).toEqual(before);
  });

  it('a real import with a bad row is refused whole: 422 people_import_rejected, nothing written', async () => {
    const before = await mandatesOf(dienBien);
    const res = await importSheet('admin@thidua.local', dienBien, BAD_CSV, 'nguoi.csv', false);

    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('people_import_rejected');
    expect(res.body.errors).toHaveLength(5);
    expect(await mandatesOf(dienBien)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'moi1@dienbien.vn'`)).toBe(0);
  });

  it("the unit's head imports its officer and delegate from .xlsx; the ledger names the head as grantor", async () => {
    const sheet = await xlsx([
      ['email', 'fullName', 'role', 'validFrom', 'validTo'],
      ['canbo2.dien-bien@thidua.local', 'Lò Thị Sáu', 'officer', '2012-01-01', '2012-12-31'],
      ['daibieu2.dien-bien@thidua.local', 'Lường Văn Bảy', 'delegate', new Date(Date.UTC(2012, 0, 1)), ''],
    ]);
    const res = await importSheet('chutich.dien-bien@thidua.local', dienBien, sheet, 'nguoi.xlsx', false);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, applied: true, granted: 2, accountsCreated: 2, errors: [] });
    const [head] = (await t.dataSource.query(
      `SELECT id FROM users WHERE email = 'chutich.dien-bien@thidua.local'`,
    )) as {
      id: string;
    }[];
    const granted = (await t.dataSource.query(
      `SELECT m.role, m.valid_from, m.valid_to, m.granted_by, u.full_name
         FROM mandates m JOIN users u ON u.id = m.user_id WHERE m.id = ANY($1) ORDER BY m.role`,
      [res.body.rows.map((r: { mandateId: string }) => r.mandateId)],
    )) as { role: string; valid_from: Date; valid_to: Date | null; granted_by: string; full_name: string }[];
    expect(
      granted.map((m) => [m.role, m.full_name, m.valid_from.toISOString(), m.valid_to?.toISOString() ?? null]),
    ).toEqual([
      ['delegate', 'Lường Văn Bảy', '2011-12-31T17:00:00.000Z', null],
      ['officer', 'Lò Thị Sáu', '2011-12-31T17:00:00.000Z', '2012-12-30T17:00:00.000Z'],
    ]);
    expect(granted.every((m) => m.granted_by === head.id)).toBe(true);
    const ledger = (await t.dataSource.query(
      `SELECT actor_id, payload FROM ledger_entries WHERE action = 'mandates.mandate_granted' AND subject_id = ANY($1)`,
      [res.body.rows.map((r: { mandateId: string }) => r.mandateId)],
    )) as { actor_id: string; payload: { grantedBy: string } }[];
    expect(ledger.map((e) => [e.actor_id, e.payload.grantedBy])).toEqual([
      [head.id, head.id],
      [head.id, head.id],
    ]);
  });

  it("a unit's head importing a head is refused on that row: mandate_grant_forbidden", async () => {
    const sheet = Buffer.from('email,fullName,role\nchutich-moi.dien-bien@thidua.local,Người Mới,head\n');
    const res = await importSheet('chutich.dien-bien@thidua.local', dienBien, sheet, 'nguoi.csv', true);

    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'role', code: 'mandate_grant_forbidden' }),
    ]);
    expect(res.body.errors[0].message.vi).toContain('quản trị viên');
  });

  it('a secretariat member importing a head is refused: 403 forbidden', async () => {
    const sheet = Buffer.from('email,fullName,role\nbu-nhin@thidua.local,Bù Nhìn,head\n');
    const res = await importSheet('thuky1@thidua.local', dienBien, sheet, 'nguoi.csv', false);

    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'bu-nhin@thidua.local'`)).toBe(0);
  });

  it('nobody imports a mandate for themselves: mandate_self_grant_forbidden on the row', async () => {
    const sheet = Buffer.from('email,role\nchutich.dien-bien@thidua.local,delegate\n');
    const res = await importSheet('chutich.dien-bien@thidua.local', dienBien, sheet, 'nguoi.csv', true);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'email', code: 'mandate_self_grant_forbidden' }),
    ]);
  });

  it('refuses a sheet without the required columns: 400 people_sheet_invalid with the reason in vi and en', async () => {
    const res = await importSheet('admin@thidua.local', dienBien, Buffer.from('ten,vai\nA,B\n'), 'x.csv', true);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('people_sheet_invalid');
    expect(res.body.errors.map((e: { code: string; column: string }) => [e.code, e.column])).toEqual([
      ['column_unknown', 'ten'],
      ['column_unknown', 'vai'],
      ['column_missing', 'email'],
      ['column_missing', 'role'],
    ]);
    expect(res.body.errors[2].message.vi).toContain('Thiếu cột');
  });

  it.each(['xlsx', 'csv'] as const)('exports as %s; importing the export back changes nothing', async (format) => {
    const res = await t.http
      .get(`${API}/units/${dienBien}/people/export?format=${format}`)
      .set(await asUser(t, 'admin@thidua.local'))
      .buffer(true)
      .parse(asBytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="dien-bien-people.${format}"`);
    const bytes = res.body as Buffer;
    if (format === 'csv') {
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFFemail,fullName,role,validFrom,validTo,mandateId')).toBe(true);
      expect(text).toContain('chutich.dien-bien@thidua.local,Chủ tịch Liên minh HTX Điện Biên,head,');
    }
    const mandates = await mandatesOf(dienBien);
    const back = await importSheet('admin@thidua.local', dienBien, bytes, `people.${format}`, false);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ applied: true, granted: 0, unchanged: mandates, errors: [] });
    expect(await mandatesOf(dienBien)).toBe(mandates);
  });
});
