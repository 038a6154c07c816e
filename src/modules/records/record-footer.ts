import type { RecordDocument, Segment } from './record-document';
import type { RecordDigestOf, RecordSeal } from './record-parts';
import { RULE_COLOR } from './record-style';

const DIGEST_LABELS: Record<RecordDigestOf, string> = {
  seal_document: 'Mã băm văn bản niêm phong (SHA-256): ',
  signed_document: 'Mã băm văn bản đã ký (SHA-256): ',
  unsigned_document: 'Mã băm văn bản chờ ký (SHA-256): ',
  content: 'Mã băm nội dung (SHA-256): ',
};
export const NOT_SEALED = 'CHƯA NIÊM PHONG';
const CHECK_LINE =
  'Đối chiếu: GET /api/v1/ledger/verify (chuỗi sổ cái) và bộ kiểm chứng gói chữ ký (npm run verify-pledge).';
const VERIFY_LABEL = 'Kiểm chứng chữ ký: ';
const FOOTER_SIZE = 7;

/** The footer's first two lines: what the digest is of, and the ledger entry that seals the record. */
export function footerLines(seal: RecordSeal): Segment[][] {
  const digest: Segment[] = [
    ['regular', DIGEST_LABELS[seal.digestOf]],
    ['mono', seal.digest],
  ];
  const ledger = seal.ledger;
  const pending = seal.pendingLabel ?? NOT_SEALED;
  if (!ledger) return [digest, [['bold', `${pending} · chưa có mục sổ cái nào`]]];
  const position: Segment[] = [
    ['regular', `mục sổ cái số ${ledger.seq}, hash `],
    ['mono', ledger.hash],
  ];
  return [
    digest,
    seal.sealed
      ? [['regular', 'Niêm phong tại '], ...position]
      : [['bold', pending], ['regular', ' · dữ liệu đến '], ...position],
  ];
}

/** Drawn on each page once the content is laid out, in the bottom margin. */
export function drawFooter(record: RecordDocument, seal: RecordSeal, at: { page: number; pages: number }): void {
  const pdf = record.pdf;
  const margins = pdf.page.margins;
  const savedBottom = margins.bottom;
  // Writing below the content area: without this pdfkit would start a new page.
  margins.bottom = 0;
  const top = pdf.page.height - savedBottom + 12;
  const width = record.width;
  pdf
    .moveTo(record.left, top)
    .lineTo(record.left + width, top)
    .lineWidth(0.5)
    .stroke(RULE_COLOR);
  const lineHeight = FOOTER_SIZE + 3;
  footerLines(seal).forEach((segments, index) =>
    record.segmentsAt(segments, top + 4 + index * lineHeight, width, FOOTER_SIZE),
  );
  const pageLabel = `Trang ${at.page}/${at.pages}`;
  record.use('regular', FOOTER_SIZE);
  const pageWidth = pdf.widthOfString(pageLabel);
  const checkTop = top + 4 + 2 * lineHeight;
  if (seal.verifyUrl) {
    // A final record links to its page on the public verifier, which checks its bundle in the browser.
    record.segmentsAt(
      [
        ['italic', VERIFY_LABEL],
        ['regular', seal.verifyUrl],
      ],
      checkTop,
      width - pageWidth - 12,
      FOOTER_SIZE,
    );
    pdf.link(record.left, checkTop, width - pageWidth - 12, lineHeight, seal.verifyUrl);
  } else record.segmentsAt([['italic', CHECK_LINE]], checkTop, width - pageWidth - 12, FOOTER_SIZE);
  record.use('regular', FOOTER_SIZE);
  pdf.text(pageLabel, record.left + width - pageWidth, checkTop, { lineBreak: false });
  margins.bottom = savedBottom;
  record.use('regular');
}
