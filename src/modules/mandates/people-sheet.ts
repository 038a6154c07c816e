import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * The people sheet of a unit (danh sách cán bộ, người đại diện): one row per mandate, read from
 * and written to `.xlsx` or CSV with exceljs. Only the shape lives here — which columns, how a
 * cell becomes text; what a row means is decided by PeopleService with the API's own rules.
 */
export const PEOPLE_SHEET_FORMATS = ['xlsx', 'csv'] as const;
export type PeopleSheetFormat = (typeof PEOPLE_SHEET_FORMATS)[number];

export const PEOPLE_COLUMNS = ['email', 'fullName', 'role', 'validFrom', 'validTo', 'mandateId'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];
export const REQUIRED_PEOPLE_COLUMNS: readonly PeopleColumn[] = ['email', 'role'];

/** Headers accepted besides the column keys: the Vietnamese labels people type. Compared lower-cased. */
const HEADER_ALIASES: Record<string, PeopleColumn> = {
  'thư điện tử': 'email',
  'họ và tên': 'fullName',
  'họ tên': 'fullName',
  'vai trò': 'role',
  'từ ngày': 'validFrom',
  'hiệu lực từ': 'validFrom',
  'đến ngày': 'validTo',
  'hiệu lực đến': 'validTo',
  'mã ủy quyền': 'mandateId',
};

/** The most rows one import takes: a unit's people, not a national roll. */
export const MAX_PEOPLE_ROWS = 1000;

export type PeopleRow = Partial<Record<PeopleColumn, string>> & { row: number };

export interface PeopleSheetProblem {
  row: number;
  column: string | null;
  code: 'sheet_unreadable' | 'sheet_empty' | 'column_unknown' | 'column_missing' | 'sheet_too_long';
  en: string;
  vi: string;
}

export type ParsedPeopleSheet = { rows: PeopleRow[]; problems: [] } | { rows: []; problems: PeopleSheetProblem[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const BOM = '\uFEFF';

/** `.xlsx` is recognised by its bytes (a zip), anything else is read as UTF-8 CSV. */
export function sniffPeopleSheet(bytes: Buffer): PeopleSheetFormat {
  return bytes.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
}

export async function parsePeopleSheet(bytes: Buffer): Promise<ParsedPeopleSheet> {
  const format = sniffPeopleSheet(bytes);
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      // Identity map: CSV values stay text (exceljs would otherwise turn days into local-time dates).
      sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value });
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return problem(
      1,
      null,
      'sheet_unreadable',
      `The file is not a readable .xlsx or CSV sheet (${reason}).`,
      `Không đọc được tệp .xlsx hoặc CSV (${reason}).`,
    );
  }
  if (!sheet || sheet.actualRowCount === 0) {
    return problem(
      1,
      null,
      'sheet_empty',
      'The sheet is empty: put the column names on row 1.',
      'Bảng tính trống: hãy ghi tên cột ở dòng 1.',
    );
  }

  const columns = new Map<number, PeopleColumn>();
  const problems: PeopleSheetProblem[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value);
    if (!header) return;
    const key = columnFor(header);
    if (key) columns.set(col, key);
    else
      problems.push({
        row: 1,
        column: header,
        code: 'column_unknown',
        en: `Unknown column "${header}"; the columns are ${PEOPLE_COLUMNS.join(', ')}.`,
        vi: `Cột "${header}" không hợp lệ; các cột là ${PEOPLE_COLUMNS.join(', ')}.`,
      });
  });
  const present = new Set(columns.values());
  for (const required of REQUIRED_PEOPLE_COLUMNS) {
    if (!present.has(required)) {
      problems.push({
        row: 1,
        column: required,
        code: 'column_missing',
        en: `The column "${required}" is missing from row 1.`,
        vi: `Thiếu cột "${required}" ở dòng 1.`,
      });
    }
  }
  if (problems.length) return { rows: [], problems };

  const rows: PeopleRow[] = [];
  sheet.eachRow((sheetRow, number) => {
    if (number === 1) return;
    const row: PeopleRow = { row: number };
    for (const [col, key] of columns) {
      const text = cellText(sheetRow.getCell(col).value);
      if (text) row[key] = key === 'fullName' ? unquoteFormula(text) : text;
    }
    if (Object.keys(row).length > 1) rows.push(row);
  });
  if (rows.length > MAX_PEOPLE_ROWS) {
    return problem(
      MAX_PEOPLE_ROWS + 2,
      null,
      'sheet_too_long',
      `At most ${MAX_PEOPLE_ROWS} rows per import; split the sheet.`,
      `Mỗi lần nhập tối đa ${MAX_PEOPLE_ROWS} dòng; hãy chia nhỏ bảng tính.`,
    );
  }
  return { rows, problems: [] };
}

/** Writes the rows under a header of the column keys; every cell is text, so nothing is reinterpreted. */
export async function writePeopleSheet(
  format: PeopleSheetFormat,
  sheetName: string,
  rows: Record<PeopleColumn, string>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '-') || 'people');
  sheet.addRow([...PEOPLE_COLUMNS]);
  for (const row of rows) {
    sheet.addRow(PEOPLE_COLUMNS.map((key) => (format === 'csv' ? neutraliseFormula(row[key]) : row[key])));
  }
  if (format === 'xlsx') {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column, index) => (column.width = [32, 32, 12, 28, 28, 38][index]));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  // With a byte-order mark, Excel opens the UTF-8 file with its Vietnamese letters intact.
  return Buffer.concat([Buffer.from(BOM, 'utf8'), Buffer.from(await workbook.csv.writeBuffer())]);
}

function problem(row: number, column: string | null, code: PeopleSheetProblem['code'], en: string, vi: string) {
  return { rows: [] as [], problems: [{ row, column, code, en, vi }] };
}

function columnFor(header: string): PeopleColumn | undefined {
  const lower = header.trim().toLowerCase();
  return PEOPLE_COLUMNS.find((key) => key.toLowerCase() === lower) ?? HEADER_ALIASES[lower];
}

/** A cell as the text a person sees: rich text joined, hyperlinks by their text, days as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives a sheet's date as that wall-clock time in UTC.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}+07:00`;
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** A CSV cell starting like a formula is written with a leading apostrophe (CSV injection). */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function unquoteFormula(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}
