import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The fonts every record is set in: DejaVu Sans from the `dejavu-fonts-ttf` npm package (full
 * Vietnamese coverage, no system font assumed), embedded and subset by pdfkit (decision 013).
 */
export const RECORD_FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  /** Hashes and key fingerprints: fixed width, so a reader can compare them column by column. */
  mono: 'DejaVuSansMono.ttf',
} as const;
export type RecordFont = keyof typeof RECORD_FONTS;

let loaded: Record<RecordFont, Buffer> | null = null;

/** The font files' bytes, read once per process. */
export function recordFonts(): Record<RecordFont, Buffer> {
  if (!loaded) {
    const directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const read = (file: string) => readFileSync(join(directory, file));
    loaded = {
      regular: read(RECORD_FONTS.regular),
      bold: read(RECORD_FONTS.bold),
      italic: read(RECORD_FONTS.italic),
      mono: read(RECORD_FONTS.mono),
    };
  }
  return loaded;
}
