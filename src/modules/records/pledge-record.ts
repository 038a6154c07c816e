import { RecordDocument } from './record-document';
import type { RecordFrame, RecordParty, RecordSigner } from './record-parts';
import { drawSignatures, signaturesHeight } from './record-signatures';
import { drawTable, tableHeight, type TableColumn } from './record-table';
import { formatDecimal, formatInstant } from './vietnamese-format';

export const PLEDGE_RECORD_KIND = 'thidua.pledge-record';

export interface PledgeRecordTarget {
  position: number;
  indicator: string;
  unitOfMeasure: string;
  /** Exact decimals as stored ("1269.50"). */
  targetValue: string;
  baseline: string | null;
}

/** A unit's part of the pledge; its targets as its head signed them. */
export interface PledgeRecordUnit {
  unit: RecordParty;
  /** `draft`, `submitted`, `approved` or `signed`. */
  status: string;
  /** Null until the head signs: unsigned targets are not part of the record. */
  signed: { digest: string; targets: PledgeRecordTarget[]; signatures: RecordSigner[] } | null;
}

/** The signed emulation pledge (giao ước thi đua) of one version, as printed. */
export interface PledgeRecordData extends RecordFrame {
  cycle: { id: string; year: number };
  pledge: {
    id: string;
    version: number;
    sharedText: string;
    amendmentReason: string | null;
    rulesVersionNumber: number;
    sealedAt: string | null;
  };
  units: PledgeRecordUnit[];
  /** The countersignature(s) over the seal document; empty while not sealed. */
  countersignatures: RecordSigner[];
}

const UNIT_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'đang soạn chỉ tiêu',
  submitted: 'đã trình, chờ thủ trưởng phê duyệt',
  approved: 'đã phê duyệt, chờ thủ trưởng ký',
  signed: 'đã ký',
};

const TARGET_COLUMNS: TableColumn[] = [
  { header: 'STT', weight: 0.6, align: 'center' },
  { header: 'Chỉ tiêu', weight: 4.4 },
  { header: 'Đơn vị tính', weight: 1.5, align: 'center' },
  { header: 'Chỉ tiêu giao ước', weight: 1.7, align: 'right' },
  { header: 'Mức nền', weight: 1.5, align: 'right' },
];
/** A part's heading and its digest line, around the table and the signature blocks. */
const PART_FRAME_HEIGHT = 50;

function drawUnit(record: RecordDocument, part: PledgeRecordUnit, index: number): void {
  const heading = `${index + 1}. ${part.unit.name}`;
  if (!part.signed) {
    record.heading(heading, 2);
    record.paragraph(
      `Chưa ký (${UNIT_STATUS_LABELS[part.status] ?? part.status}). Chỉ tiêu chỉ được in khi thủ trưởng đơn vị đã ký.`,
      'italic',
      9,
    );
    return;
  }
  const rows = part.signed.targets.map((target) => [
    String(target.position),
    target.indicator,
    target.unitOfMeasure,
    formatDecimal(target.targetValue),
    target.baseline === null ? '—' : formatDecimal(target.baseline),
  ]);
  // A unit's targets, digest and signature read as one: they start a page rather than split, when they fit one.
  record.ensureSpace(
    PART_FRAME_HEIGHT + tableHeight(record, TARGET_COLUMNS, rows) + signaturesHeight(record, part.signed.signatures),
  );
  record.heading(heading, 2);
  drawTable(record, TARGET_COLUMNS, rows);
  record.line([
    ['regular', 'Mã băm văn bản đã ký (SHA-256): '],
    ['mono', part.signed.digest],
  ]);
  drawSignatures(record, part.signed.signatures, 'Chưa có chữ ký.');
  record.gap(4);
}

/** The pledge of one version: shared text, each unit's signed targets and signers, and the seal. */
export function renderPledgeRecord(data: PledgeRecordData): Promise<Buffer> {
  const record = new RecordDocument({
    title: `Giao ước thi đua năm ${data.cycle.year} (phiên bản ${data.pledge.version}) — ${data.cluster.name}`,
    kind: PLEDGE_RECORD_KIND,
    frame: data,
  });
  const signed = data.units.filter((part) => part.signed !== null);
  const sealedAt = data.pledge.sealedAt;
  record
    .nationalHeader()
    .title(`GIAO ƯỚC THI ĐUA NĂM ${data.cycle.year}`, `${data.cluster.name} — phiên bản số ${data.pledge.version}`)
    .keyValues([
      ['Cụm thi đua', `${data.cluster.name} (${data.cluster.code})`],
      ['Năm', String(data.cycle.year)],
      ['Phiên bản', String(data.pledge.version)],
      ...(data.pledge.amendmentReason ? [['Lý do sửa đổi', data.pledge.amendmentReason] as const] : []),
      ['Quy chế khen thưởng áp dụng', `phiên bản số ${data.pledge.rulesVersionNumber}`],
      ['Đơn vị đã ký', `${signed.length}/${data.units.length}`],
      ['Tình trạng', sealedAt ? `Đã niêm phong lúc ${formatInstant(sealedAt)}` : 'CHƯA NIÊM PHONG'],
    ]);

  record.heading('I. Nội dung giao ước chung').paragraph(data.pledge.sharedText);
  record.heading('II. Chỉ tiêu giao ước và chữ ký của các đơn vị');
  data.units.forEach((part, index) => drawUnit(record, part, index));

  record.heading('III. Niêm phong');
  if (sealedAt) {
    record.paragraph(
      'Văn bản niêm phong liệt kê mã băm văn bản đã ký của từng đơn vị và mã băm nội dung giao ước chung; ' +
        'mã băm của nó ở chân trang. Ký xác nhận:',
    );
    drawSignatures(record, data.countersignatures, 'Chưa có chữ ký xác nhận.');
  } else {
    const waiting = data.units.filter((part) => part.signed === null).map((part) => part.unit.name);
    record.paragraph(
      waiting.length > 0
        ? `CHƯA NIÊM PHONG. Còn chờ chữ ký của: ${waiting.join('; ')}.`
        : 'CHƯA NIÊM PHONG. Tất cả đơn vị đã ký; còn chờ chữ ký xác nhận niêm phong.',
      'bold',
    );
  }
  return record.finish();
}
