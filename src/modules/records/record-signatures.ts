import type { RecordFont } from './pdf-fonts';
import type { RecordDocument } from './record-document';
import type { RecordSigner } from './record-parts';
import { RULE_COLOR } from './record-style';
import { formatInstant } from './vietnamese-format';

/** The capacities signatures are given in (see signer-capacity.ts), as a Vietnamese record names them. */
const CAPACITY_LABELS: Readonly<Record<string, string>> = {
  unit_head: 'Thủ trưởng đơn vị',
  cluster_leader_head: 'Thủ trưởng đơn vị Cụm trưởng',
  secretariat: 'Thường trực (thư ký) Cụm thi đua',
  counting_board: 'Thành viên Ban kiểm phiếu',
  outgoing_custodian_head: 'Thủ trưởng đơn vị bàn giao cờ',
  incoming_leader_head: 'Thủ trưởng đơn vị nhận cờ',
};

const ALGORITHM_LABELS: Readonly<Record<string, string>> = { ed25519: 'Ed25519', 'ecdsa-p256': 'ECDSA P-256' };

export function capacityLabel(capacity: string): string {
  return CAPACITY_LABELS[capacity] ?? capacity;
}

const PADDING = 6;
const SIZE = 9;

type Line = readonly [label: string, value: string, font: RecordFont];

function linesOf(signer: RecordSigner): Line[] {
  const capacity = [capacityLabel(signer.capacity), signer.unitName].filter(Boolean).join(' — ');
  const lines: Line[] = [
    ['Người ký', signer.name, 'bold'],
    ['Tư cách', signer.delegated ? `${capacity} (ký theo ủy quyền)` : capacity, 'regular'],
    ['Ký lúc', `${formatInstant(signer.signedAt)} · mục sổ cái số ${signer.ledgerSeq}`, 'regular'],
    ['Khóa ký', ALGORITHM_LABELS[signer.algorithm] ?? signer.algorithm, 'regular'],
    ['Vân tay khóa (SHA-256)', signer.keyFingerprint, 'mono'],
  ];
  if (signer.keyRevokedAt) {
    lines.push(['Thu hồi khóa', `${formatInstant(signer.keyRevokedAt)} (sau khi ký; chữ ký vẫn có giá trị)`, 'italic']);
  }
  return lines;
}

const LABEL_WIDTH = 118;
const SPACING = 6;

/** Each line of a signer's block with the height its value takes. */
function measuredLines(record: RecordDocument, signer: RecordSigner) {
  const valueWidth = record.width - LABEL_WIDTH - 3 * PADDING;
  return linesOf(signer).map(([label, value, font]) => {
    record.use(font, font === 'mono' ? SIZE - 0.5 : SIZE);
    return { label, value, font, height: record.pdf.heightOfString(value, { width: valueWidth }) + 2 };
  });
}

const blockHeight = (lines: readonly { height: number }[]) =>
  lines.reduce((sum, line) => sum + line.height, 0) + 2 * PADDING;

/** The height the blocks take: to keep them on the page of what they sign. */
export function signaturesHeight(record: RecordDocument, signers: readonly RecordSigner[]): number {
  return signers.reduce((sum, signer) => sum + blockHeight(measuredLines(record, signer)) + SPACING, 0);
}

/** One framed block per signature: who, in what capacity, when, with which key. */
export function drawSignatures(record: RecordDocument, signers: readonly RecordSigner[], emptyNote: string): void {
  const pdf = record.pdf;
  if (signers.length === 0) {
    record.paragraph(emptyNote, 'italic', SIZE);
    return;
  }
  const valueWidth = record.width - LABEL_WIDTH - 3 * PADDING;
  for (const signer of signers) {
    const lines = measuredLines(record, signer);
    const height = blockHeight(lines);
    record.ensureSpace(height + SPACING);
    const top = pdf.y;
    pdf.rect(record.left, top, record.width, height).lineWidth(0.6).stroke(RULE_COLOR);
    let y = top + PADDING;
    for (const line of lines) {
      record.use('regular', SIZE);
      pdf.fillColor('#555555').text(line.label, record.left + PADDING, y, { width: LABEL_WIDTH, lineBreak: false });
      record.use(line.font, line.font === 'mono' ? SIZE - 0.5 : SIZE);
      pdf.fillColor('#000000').text(line.value, record.left + PADDING * 2 + LABEL_WIDTH, y, { width: valueWidth });
      y += line.height;
    }
    pdf.x = record.left;
    pdf.y = top + height + SPACING;
  }
  record.use('regular');
}
