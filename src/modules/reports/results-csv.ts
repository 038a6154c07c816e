import type { CycleResultsResponseDto } from './dto/cycle-results.dto';
import { FIGURE_FIELDS, type ResultsFigures } from './results-figures';

/** Column headers as the cluster's own tables name them, in FIGURE_FIELDS order after the unit. */
export const RESULTS_CSV_HEADER = [
  'Đơn vị',
  'Số HTX',
  'Vốn điều lệ (đồng)',
  'Thành viên và người lao động',
  'Tổ hợp tác',
  'Tổ viên',
  'HTX thành lập mới',
  'Thành viên HTX kết nạp mới',
] as const;
export const RESULTS_CSV_TOTAL_LABEL = 'Tổng cộng';

/** Excel reads a file as UTF-8 only when it starts with the byte order mark. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * One field per RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(label: string, figures: ResultsFigures): string {
  return [csvField(label), ...FIGURE_FIELDS.map((field) => csvField(figures[field]))].join(',');
}

/** The per-unit table and the total row: what GET …/results answers, for a spreadsheet. */
export function resultsCsv(results: Pick<CycleResultsResponseDto, 'units' | 'totals'>): string {
  const lines = [
    RESULTS_CSV_HEADER.map(csvField).join(','),
    ...results.units.map((unit) => row(unit.unitName, unit)),
    row(RESULTS_CSV_TOTAL_LABEL, results.totals),
  ];
  return BOM + lines.join(CRLF) + CRLF;
}

export function resultsCsvFilename(clusterCode: string, year: number): string {
  return `ket-qua-${clusterCode}-${year}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}
