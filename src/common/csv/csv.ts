/** Excel reads a file as UTF-8 only when it starts with the byte order mark. */
export const CSV_BOM = '\uFEFF';
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

/** A whole file for a spreadsheet: BOM, one CRLF-terminated line per row, every field quoted as needed. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return CSV_BOM + rows.map((fields) => fields.map(csvField).join(',') + CRLF).join('');
}
