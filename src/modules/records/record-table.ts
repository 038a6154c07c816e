import type { RecordFont } from './pdf-fonts';
import type { RecordDocument } from './record-document';
import { RULE_COLOR, SHADE_COLOR } from './record-style';

export interface TableColumn {
  header: string;
  /** The column's share of the table's width, relative to the other columns' weights. */
  weight: number;
  align?: 'left' | 'right' | 'center';
  /** Hashes and fingerprints: the fixed-width font. */
  mono?: boolean;
}

export interface TableOptions {
  /** Font size of the cells (the header too). */
  size?: number;
  /** Rows (by index) set in bold on a shade, such as the total row. */
  emphasized?: ReadonlySet<number>;
  /** The table's share of the content width (1 = all of it), for a table of a few short columns. */
  widthShare?: number;
}

const PADDING = 3.5;
const DEFAULT_SIZE = 9;

const fontOf = (column: TableColumn, strong: boolean): RecordFont =>
  strong ? 'bold' : column.mono ? 'mono' : 'regular';

/** Column widths, and the height a row takes, for the document's current page width. */
function tableGeometry(record: RecordDocument, columns: readonly TableColumn[], options: TableOptions) {
  const size = options.size ?? DEFAULT_SIZE;
  const width = record.width * (options.widthShare ?? 1);
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (width * column.weight) / totalWeight);
  const heightOf = (cells: readonly string[], strong: boolean) =>
    Math.max(
      ...cells.map((text, index) => {
        record.use(fontOf(columns[index], strong), size);
        return record.pdf.heightOfString(text, { width: widths[index] - 2 * PADDING });
      }),
    ) +
    2 * PADDING;
  return { widths, heightOf };
}

/** The height the whole table takes, header included: to keep a short table on one page. */
export function tableHeight(
  record: RecordDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): number {
  const { heightOf } = tableGeometry(record, columns, options);
  const header = heightOf(
    columns.map((column) => column.header),
    true,
  );
  return rows.reduce((sum, cells, index) => sum + heightOf(cells, options.emphasized?.has(index) ?? false), header);
}

/**
 * A ruled table with a shaded header row. Rows never split: a row that does not fit goes to the
 * next page, under the header drawn again.
 */
export function drawTable(
  record: RecordDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): void {
  const pdf = record.pdf;
  const { widths, heightOf } = tableGeometry(record, columns, options);
  const size = options.size ?? DEFAULT_SIZE;

  const drawRow = (cells: readonly string[], strong: boolean, shaded: boolean, align?: 'center') => {
    const height = heightOf(cells, strong);
    const top = pdf.y;
    let x = record.left;
    cells.forEach((text, index) => {
      const column = columns[index];
      if (shaded) pdf.rect(x, top, widths[index], height).fill(SHADE_COLOR);
      pdf.rect(x, top, widths[index], height).lineWidth(0.5).stroke(RULE_COLOR);
      record.use(fontOf(column, strong), size);
      pdf.fillColor('#000000').text(text, x + PADDING, top + PADDING, {
        width: widths[index] - 2 * PADDING,
        align: align ?? column.align ?? 'left',
      });
      x += widths[index];
    });
    pdf.x = record.left;
    pdf.y = top + height;
  };

  const header = columns.map((column) => column.header);
  const headerHeight = heightOf(header, true);
  // The header never stands alone at the bottom of a page.
  record.ensureSpace(headerHeight + (rows.length > 0 ? heightOf(rows[0], false) : 0));
  drawRow(header, true, true, 'center');
  rows.forEach((cells, index) => {
    const strong = options.emphasized?.has(index) ?? false;
    if (pdf.y + heightOf(cells, strong) > record.bottom) {
      pdf.addPage();
      pdf.y = pdf.page.margins.top;
      drawRow(header, true, true, 'center');
    }
    drawRow(cells, strong, strong);
  });
  record.use('regular');
  pdf.y += 8;
}
