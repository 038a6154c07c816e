import PDFDocument from 'pdfkit';
import { recordFonts, type RecordFont } from './pdf-fonts';
import { drawFooter } from './record-footer';
import type { RecordFrame } from './record-parts';
import { FOOTER_HEIGHT, LINE_GAP, PAGE_MARGIN as MARGIN, TEXT_SIZE } from './record-style';

/** A run of text in one font; runs side by side make a line (a label, then a hash). */
export type Segment = readonly [RecordFont, string];

/** One A4 record: portrait for most, landscape for wide tables. */
export interface RecordDocumentOptions {
  /** The PDF's title (document information), e.g. "Báo cáo kết quả năm 2011". */
  title: string;
  /** A short machine name of the kind of record, e.g. `thidua.cycle-results`. */
  kind: string;
  frame: RecordFrame;
  landscape?: boolean;
}

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/**
 * The layout kit every record is drawn with: a pdfkit document set in the embedded DejaVu fonts,
 * with the national header, titles, paragraphs, key–value lines, and (in files of their own)
 * data tables and signature blocks; `finish()` puts the footer on every page and returns the bytes.
 * Deterministic: the dates are the record's own and the file ID derives from its digest.
 */
export class RecordDocument {
  readonly pdf: PDFKit.PDFDocument;
  private readonly bytes: Promise<Buffer>;

  constructor(private readonly options: RecordDocumentOptions) {
    const issuedAt = new Date(options.frame.issuedAt);
    this.pdf = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
      bufferPages: true,
      pdfVersion: '1.7',
      lang: 'vi-VN',
      displayTitle: true,
      // pdfkit derives the trailer's file ID from these entries: with the digest among them and
      // the record's own date instead of "now", the same record always gives the same bytes.
      info: {
        Title: options.title,
        Subject: `${options.kind} sha256:${options.frame.seal.digest}`,
        Author: options.frame.cluster.name,
        Creator: 'thidua',
        Keywords: options.frame.seal.digest,
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    });
    const chunks: Buffer[] = [];
    this.bytes = new Promise((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(chunks)));
      this.pdf.on('error', reject);
    });
    for (const [name, bytes] of Object.entries(recordFonts())) this.pdf.registerFont(name, bytes);
    this.use('regular', TEXT_SIZE);
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  get width(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  /** The highest y the content starts at on a page. */
  get top(): number {
    return this.pdf.page.margins.top;
  }

  /** The lowest y the content may reach on this page. */
  get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  use(font: RecordFont, size = TEXT_SIZE): this {
    this.pdf.font(font).fontSize(size);
    return this;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
    this.pdf.x = this.left;
  }

  /** The cluster on the left, the national motto on the right, as Vietnamese official records open. */
  nationalHeader(dateLine?: string): this {
    const top = this.pdf.y;
    const column = this.width * 0.46;
    const right = this.left + this.width - column;
    this.use('bold', 9).pdf.text(this.options.frame.cluster.name.toUpperCase(), this.left, top, {
      width: column,
      align: 'center',
    });
    const leftEnd = this.pdf.y;
    this.pdf.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, top, { width: column, align: 'center' });
    this.use('bold', 9.5).pdf.text('Độc lập - Tự do - Hạnh phúc', right, this.pdf.y + 1, {
      width: column,
      align: 'center',
    });
    const motto = this.pdf.widthOfString('Độc lập - Tự do - Hạnh phúc');
    const underline = this.pdf.y + 1;
    this.pdf
      .moveTo(right + (column - motto) / 2, underline)
      .lineTo(right + (column + motto) / 2, underline)
      .lineWidth(0.6)
      .stroke('#000000');
    if (dateLine) {
      this.use('italic', 9).pdf.text(dateLine, right, underline + 6, { width: column, align: 'center' });
    }
    this.pdf.x = this.left;
    this.pdf.y = Math.max(leftEnd, this.pdf.y) + 18;
    return this;
  }

  title(text: string, subtitle?: string): this {
    this.use('bold', 15).pdf.text(text, this.left, this.pdf.y, { width: this.width, align: 'center' });
    if (subtitle) {
      this.use('regular', 10.5).pdf.text(subtitle, this.left, this.pdf.y + 3, { width: this.width, align: 'center' });
    }
    this.pdf.y += 12;
    return this;
  }

  /** A section heading (level 1) or the heading of a part of a section (level 2). */
  heading(text: string, level: 1 | 2 = 1): this {
    this.use('bold', level === 1 ? 11.5 : 10.5);
    // Keep a heading with at least a few lines of what follows it.
    this.ensureSpace(this.pdf.heightOfString(text, { width: this.width }) + 48);
    this.pdf.text(text, this.left, this.pdf.y + (level === 1 ? 6 : 3), { width: this.width });
    this.pdf.y += level === 1 ? 4 : 3;
    return this;
  }

  /** Body text is justified, as Vietnamese records are; notes in bold or italics stay ragged. */
  paragraph(text: string, font: RecordFont = 'regular', size = TEXT_SIZE): this {
    this.use(font, size);
    this.ensureSpace(this.pdf.currentLineHeight(true) * 2);
    const align = font === 'regular' ? 'justify' : 'left';
    this.pdf.text(text, this.left, this.pdf.y, { width: this.width, lineGap: LINE_GAP, align });
    this.pdf.y += 6;
    return this;
  }

  /** Labelled lines ("Năm: 2011"): the label in bold, the value wrapped beside it. */
  keyValues(rows: readonly (readonly [string, string])[], labelShare = 0.34): this {
    const labelWidth = this.width * labelShare;
    const valueWidth = this.width - labelWidth - 6;
    for (const [label, value] of rows) {
      this.use('bold');
      const labelHeight = this.pdf.heightOfString(label, { width: labelWidth, lineGap: LINE_GAP });
      // A hash or a fingerprint goes in the fixed-width font, a little smaller so it fits one line.
      const hex = HEX_DIGEST.test(value);
      this.use(hex ? 'mono' : 'regular', hex ? 8.5 : TEXT_SIZE);
      const valueHeight = this.pdf.heightOfString(value, { width: valueWidth, lineGap: LINE_GAP });
      this.ensureSpace(Math.max(labelHeight, valueHeight));
      const y = this.pdf.y;
      this.pdf.text(value, this.left + labelWidth + 6, y, { width: valueWidth, lineGap: LINE_GAP });
      this.use('bold').pdf.text(label, this.left, y, { width: labelWidth, lineGap: LINE_GAP });
      this.pdf.x = this.left;
      this.pdf.y = y + Math.max(labelHeight, valueHeight) + 2;
    }
    this.pdf.y += 4;
    return this;
  }

  /** Runs side by side on one line at `y`, shrunk to `width` if they would not fit. */
  segmentsAt(segments: readonly Segment[], y: number, width: number, size: number): void {
    const measure = (points: number) =>
      segments.reduce((sum, [font, text]) => sum + this.use(font, points).pdf.widthOfString(text), 0);
    const natural = measure(size);
    const fitted = natural > width ? (size * width) / natural : size;
    let x = this.left;
    for (const [font, text] of segments) {
      this.use(font, fitted).pdf.text(text, x, y, { lineBreak: false });
      x += this.pdf.widthOfString(text);
    }
    this.pdf.x = this.left;
  }

  /** One line of runs in the flow of the content, e.g. "Mã băm …: <hash>". */
  line(segments: readonly Segment[], size = 9): this {
    this.use('regular', size);
    const height = this.pdf.currentLineHeight(true) + 2;
    this.ensureSpace(height);
    const y = this.pdf.y;
    this.segmentsAt(segments, y, this.width, size);
    this.pdf.y = y + height + 2;
    this.use('regular');
    return this;
  }

  /** Vertical space, in points. */
  gap(points: number): this {
    this.pdf.y += points;
    return this;
  }

  /** The footer on every page, then the bytes of the finished file. */
  finish(): Promise<Buffer> {
    const { start, count } = this.pdf.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      this.pdf.switchToPage(index);
      drawFooter(this, this.options.frame.seal, { page: index - start + 1, pages: count });
    }
    this.pdf.flushPages();
    this.pdf.end();
    return this.bytes;
  }
}
