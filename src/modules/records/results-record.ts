import { RESULTS_CSV_HEADER, RESULTS_CSV_TOTAL_LABEL, FIGURE_FIELDS, type ResultsFigures } from '../reports';
import { RecordDocument } from './record-document';
import type { RecordFrame, RecordParty } from './record-parts';
import { drawTable, tableHeight, type TableColumn } from './record-table';
import { formatInstant, formatInteger } from './vietnamese-format';

export const RESULTS_RECORD_KIND = 'thidua.cycle-results';
/** A heading and the space around it. */
const HEADING_ROOM = 30;

/** One unit's counted report: the latest approved version. */
export interface ResultsRecordUnit {
  unit: RecordParty;
  reportNumber: number;
  approvedAt: string;
  /** The ledger entry of the approval; its payload carries these very figures. */
  ledgerSeq: string | null;
  figures: ResultsFigures;
}

/** The cycle's results report (báo cáo kết quả hoạt động kinh tế tập thể) as printed. */
export interface ResultsRecordData extends RecordFrame {
  cycle: { id: string; year: number };
  units: ResultsRecordUnit[];
  totals: ResultsFigures;
  /** Member units without an approved report, with the status of the version in the works. */
  missingUnits: { unit: RecordParty; status: string | null }[];
}

/** The totals' lines: label and unit of measure of each figure, in FIGURE_FIELDS order. */
const TOTAL_LINES: Record<keyof ResultsFigures, readonly [string, string]> = {
  cooperatives: ['Số hợp tác xã', 'HTX'],
  charterCapitalVnd: ['Vốn điều lệ', 'đồng'],
  membersAndWorkers: ['Thành viên và người lao động', 'người'],
  cooperativeGroups: ['Tổ hợp tác', 'tổ'],
  groupMembers: ['Tổ viên tổ hợp tác', 'người'],
  newCooperatives: ['Hợp tác xã thành lập mới trong năm', 'HTX'],
  newMemberCooperatives: ['Thành viên HTX kết nạp mới trong năm', 'HTX'],
};

const REPORT_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'đang soạn thảo',
  submitted: 'đã trình, chờ phê duyệt',
};

const figureCells = (figures: ResultsFigures) => FIGURE_FIELDS.map((field) => formatInteger(figures[field]));

/** The results report of a cycle: each unit's figures, the cluster's totals, and where each figure comes from. */
export function renderResultsRecord(data: ResultsRecordData): Promise<Buffer> {
  const record = new RecordDocument({
    title: `Báo cáo kết quả năm ${data.cycle.year} — ${data.cluster.name}`,
    kind: RESULTS_RECORD_KIND,
    frame: data,
    landscape: true,
  });
  const memberCount = data.units.length + data.missingUnits.length;
  record
    .nationalHeader()
    .title(
      `BÁO CÁO KẾT QUẢ HOẠT ĐỘNG KINH TẾ TẬP THỂ NĂM ${data.cycle.year}`,
      `Tổng hợp từ báo cáo đã được phê duyệt của các đơn vị thành viên — ${data.cluster.name}`,
    )
    .keyValues(
      [
        ['Cụm thi đua', `${data.cluster.name} (${data.cluster.code})`],
        ['Năm', String(data.cycle.year)],
        ['Đơn vị có báo cáo được phê duyệt', `${data.units.length}/${memberCount} đơn vị thành viên`],
      ],
      0.3,
    );

  const [unitHeader, ...figureHeaders] = RESULTS_CSV_HEADER;
  const unitColumns: TableColumn[] = [
    { header: 'STT', weight: 0.75, align: 'center' },
    { header: unitHeader, weight: 4 },
    ...figureHeaders.map((header, index) => ({
      header,
      weight: FIGURE_FIELDS[index] === 'charterCapitalVnd' ? 2.6 : 1.55,
      align: 'right' as const,
    })),
  ];
  const unitRows = [
    ...data.units.map((row, index) => [String(index + 1), row.unit.name, ...figureCells(row.figures)]),
    ['', RESULTS_CSV_TOTAL_LABEL, ...figureCells(data.totals)],
  ];
  const unitOptions = { size: 8.5, emphasized: new Set([data.units.length]) };
  // Each table reads as one: it starts a page rather than split, when a page can hold it.
  record.ensureSpace(HEADING_ROOM + tableHeight(record, unitColumns, unitRows, unitOptions));
  record.heading('I. Số liệu của từng đơn vị');
  drawTable(record, unitColumns, unitRows, unitOptions);

  const totalColumns: TableColumn[] = [
    { header: 'Chỉ tiêu', weight: 5 },
    { header: 'Số liệu', weight: 3, align: 'right' },
    { header: 'Đơn vị tính', weight: 1.6, align: 'center' },
  ];
  const totalRows = FIGURE_FIELDS.map((field) => [
    TOTAL_LINES[field][0],
    formatInteger(data.totals[field]),
    TOTAL_LINES[field][1],
  ]);
  const totalOptions = { size: 10, widthShare: 0.66 };
  record.ensureSpace(HEADING_ROOM + tableHeight(record, totalColumns, totalRows, totalOptions));
  record.heading('II. Tổng hợp toàn cụm');
  drawTable(record, totalColumns, totalRows, totalOptions);

  record.heading('III. Nguồn số liệu');
  drawTable(
    record,
    [
      { header: 'STT', weight: 0.75, align: 'center' },
      { header: 'Đơn vị', weight: 4 },
      { header: 'Báo cáo (phiên bản)', weight: 1.6, align: 'center' },
      { header: 'Phê duyệt lúc', weight: 2.4, align: 'center' },
      { header: 'Mục sổ cái ghi nhận phê duyệt', weight: 2.2, align: 'center' },
    ],
    data.units.map((row, index) => [
      String(index + 1),
      row.unit.name,
      `số ${row.reportNumber}`,
      formatInstant(row.approvedAt),
      row.ledgerSeq === null ? '—' : `số ${row.ledgerSeq}`,
    ]),
    { size: 8.5 },
  );
  if (data.missingUnits.length > 0) {
    record.paragraph(
      'Chưa có báo cáo được phê duyệt (không tính vào tổng cộng): ' +
        data.missingUnits
          .map(({ unit, status }) => `${unit.name} (${status ? (REPORT_STATUS_LABELS[status] ?? status) : 'chưa lập'})`)
          .join('; ') +
        '.',
      'bold',
      9,
    );
  }
  record.paragraph(
    'Số liệu in đúng như đã lưu. Tổng cộng là tổng chính xác của phiên bản được phê duyệt mới nhất của mỗi đơn vị ' +
      'thành viên; mục sổ cái ghi nhận phê duyệt của mỗi đơn vị chứa chính các số liệu của đơn vị đó. ' +
      'Mã băm ở chân trang là SHA-256 của nội dung GET /api/v1/cycles/{id}/results (cycle, units, totals) ' +
      'theo RFC 8785.',
    'italic',
    8.5,
  );
  return record.finish();
}
