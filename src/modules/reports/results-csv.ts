import { csvDocument } from '../../common/csv/csv';
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

function row(label: string, figures: ResultsFigures): (string | number)[] {
  return [label, ...FIGURE_FIELDS.map((field) => figures[field])];
}

/** The per-unit table and the total row: what GET …/results answers, for a spreadsheet. */
export function resultsCsv(results: Pick<CycleResultsResponseDto, 'units' | 'totals'>): string {
  return csvDocument([
    RESULTS_CSV_HEADER,
    ...results.units.map((unit) => row(unit.unitName, unit)),
    row(RESULTS_CSV_TOTAL_LABEL, results.totals),
  ]);
}

export function resultsCsvFilename(clusterCode: string, year: number): string {
  return `ket-qua-${clusterCode}-${year}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}
