import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

/**
 * web/ is an ES module package ("type": "module") which this CommonJS Jest cannot require: its pure
 * files (no imports) are compiled here to CommonJS and run, typed as the modules they are.
 */
function webModule<T>(path: string): T {
  const source = readFileSync(join(__dirname, '../../web/src', path), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as T };
  new Function('module', 'exports', outputText)(module, module.exports);
  return module.exports;
}

const { daysLeft, vietnamDate } =
  webModule<typeof import('../../web/src/portal/home/days-left.js', { with: { 'resolution-mode': 'import' } })>(
    'portal/home/days-left.ts',
  );
const { caretAfterDigits, digitsBefore, digitsOf, groupDigits } =
  webModule<typeof import('../../web/src/portal/reports/digits.js', { with: { 'resolution-mode': 'import' } })>(
    'portal/reports/digits.ts',
  );
const { refusalOf } = webModule<
  typeof import('../../web/src/portal/scoring/evidence-check.js', { with: { 'resolution-mode': 'import' } })
>('portal/scoring/evidence-check.ts');
const { hundredthsOf, pointsOf, showPoints, withinMax } =
  webModule<typeof import('../../web/src/portal/scoring/points.js', { with: { 'resolution-mode': 'import' } })>(
    'portal/scoring/points.ts',
  );

/** The portal's pure pieces for the officer: deadlines, amounts as typed, points, evidence checks. */
describe('the officer portal, pure parts', () => {
  describe(daysLeft.name, () => {
    it('counts calendar days in Vietnam, whatever the instant', () => {
      // 20/11/2011 23:30 in Hà Nội is still 16:30 UTC of the 20th.
      expect(daysLeft('2011-11-21', new Date('2011-11-20T16:30:00Z'))).toBe(1);
      // 17:30 UTC of the 20th is already 00:30 of the 21st in Vietnam: due today.
      expect(daysLeft('2011-11-21', new Date('2011-11-20T17:30:00Z'))).toBe(0);
      expect(daysLeft('2011-11-21', new Date('2011-11-22T03:00:00Z'))).toBe(-1);
      expect(daysLeft('2011-12-31', new Date('2011-01-01T00:00:00Z'))).toBe(364);
      expect(daysLeft('2012-03-01', new Date('2012-02-28T05:00:00Z'))).toBe(2);
    });
    it('names the day in Vietnam', () => {
      expect(vietnamDate(new Date('2011-11-20T17:00:00Z'))).toBe('2011-11-21');
    });
  });

  describe('amounts as typed', () => {
    it('keeps the digits of what was typed, without dots or leading zeros, exact past 2^53', () => {
      expect(digitsOf('1.269.500.000.000')).toBe('1269500000000');
      expect(digitsOf('00120a')).toBe('120');
      expect(digitsOf('000')).toBe('0');
      expect(digitsOf('')).toBe('');
      expect(digitsOf('12345678901234567890')).toBe('12345678901234567890');
    });
    it('groups by threes with dots', () => {
      expect(groupDigits('1269500000000')).toBe('1.269.500.000.000');
      expect(groupDigits('999')).toBe('999');
      expect(groupDigits('1000')).toBe('1.000');
      expect(groupDigits('12345678901234567890')).toBe('12.345.678.901.234.567.890');
    });
    it('puts the caret back after the same digit once the text is regrouped', () => {
      // '1.2695|' typed as the fifth digit → '12.695|'
      expect(digitsBefore('1.2695', 6)).toBe(5);
      expect(caretAfterDigits('12.695', 5)).toBe(6);
      expect(caretAfterDigits('12.695', 2)).toBe(2);
      expect(caretAfterDigits('12.695', 0)).toBe(0);
    });
  });

  describe('points', () => {
    it('reads scores in hundredths, with a comma or a dot, and refuses what the API refuses', () => {
      expect(hundredthsOf('12,5')).toBe(1250n);
      expect(hundredthsOf('12.25')).toBe(1225n);
      expect(hundredthsOf('7')).toBe(700n);
      expect(hundredthsOf('-1')).toBeNull();
      expect(hundredthsOf('1.234')).toBeNull();
      expect(hundredthsOf('')).toBeNull();
    });
    it('writes them for the API and for a person', () => {
      expect(pointsOf(1250n)).toBe('12.50');
      expect(pointsOf(-205n)).toBe('-2.05');
      expect(showPoints(1250n)).toBe('12,5');
      expect(showPoints(700n)).toBe('7');
      // 0.1 + 0.2 in hundredths is exactly 0.3
      expect(showPoints(hundredthsOf('0,1')! + hundredthsOf('0,2')!)).toBe('0,3');
    });
    it('checks the maximum of the leaf', () => {
      expect(withinMax('10', 10)).toBe(true);
      expect(withinMax('10,01', 10)).toBe(false);
    });
  });

  describe(refusalOf.name, () => {
    const limits = {
      maxBytes: 1000,
      types: [
        { contentType: 'application/pdf', extensions: ['pdf'] },
        { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
      ],
    };
    it('refuses a type the API does not take, or a file over its size, before sending', () => {
      expect(refusalOf({ name: 'bao-cao.exe', size: 10 }, limits)).toEqual({
        reason: 'type',
        extensions: ['pdf', 'jpg', 'jpeg'],
      });
      expect(refusalOf({ name: 'Ảnh.JPG', size: 1001 }, limits)).toEqual({ reason: 'size', maxBytes: 1000 });
      expect(refusalOf({ name: 'Biên bản.pdf', size: 1000 }, limits)).toBeNull();
    });
    it('leaves a name without an extension to the server, which reads the bytes', () => {
      expect(refusalOf({ name: 'anh-chup', size: 10 }, limits)).toBeNull();
    });
  });
});
