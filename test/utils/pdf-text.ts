import './quiet-pdfjs';
import PDFParser from 'pdf2json';

const PAGE_BREAK = /(-+Page \(\d+\) Break-+)/;

/**
 * pdf2json lists a page's lines by their PDF y coordinate, which grows upwards: bottom line first.
 * Reversed, they read top to bottom, so a value wrapped over two lines reads on.
 */
function topDown(text: string): string {
  return text
    .split(PAGE_BREAK)
    .map((part) => (PAGE_BREAK.test(part) ? part : part.split(/\r?\n/).reverse().join('\n')))
    .join('\n');
}

/**
 * The text of a PDF, page after page, as a reader's copy-paste would give it: through each font's
 * ToUnicode map, so missing or broken Vietnamese diacritics show up here. Cells side by side come
 * out on one line, separated by spaces; each page ends with a "Page (n) Break" line.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const parser = new PDFParser(null, true);
    parser.on('pdfParser_dataReady', () => {
      const text = topDown(parser.getRawTextContent());
      parser.destroy();
      resolve(text);
    });
    parser.on('pdfParser_dataError', (error) => {
      parser.destroy();
      reject(error instanceof Error ? error : error.parserError);
    });
    parser.parseBuffer(pdf, 0);
  });
}

/** The number of pages, from the page-break markers pdf2json writes after each page. */
export function pageCount(text: string): number {
  return text.match(/-+Page \(\d+\) Break-+/g)?.length ?? 0;
}
