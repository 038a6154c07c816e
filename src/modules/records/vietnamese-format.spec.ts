import {
  formatDay,
  formatDecimal,
  formatInstant,
  formatInteger,
  formatNumber,
  formatRatio,
  formatShare,
} from './vietnamese-format';

describe('vietnamese-format', () => {
  it('groups thousands with dots, from the stored digits, beyond what a float holds exactly', () => {
    expect(formatInteger('1269500000000')).toBe('1.269.500.000.000');
    expect(formatInteger(2006)).toBe('2.006');
    expect(formatInteger(96)).toBe('96');
    expect(formatInteger('0')).toBe('0');
    expect(formatInteger('99999999999999999999')).toBe('99.999.999.999.999.999.999');
    expect(() => formatInteger(1.5)).toThrow();
    expect(() => formatInteger('1e6')).toThrow();
  });

  it('writes decimals with a comma, keeping the stored decimals unless they are all zero', () => {
    expect(formatDecimal('1269.50')).toBe('1.269,50');
    expect(formatDecimal('20.00')).toBe('20');
    expect(formatDecimal('0.05')).toBe('0,05');
    expect(formatDecimal('12345')).toBe('12.345');
    expect(() => formatDecimal('12,5')).toThrow();
  });

  it("writes days and instants as Vietnamese records do, in Vietnam's time", () => {
    expect(formatDay('2011-11-21')).toBe('21/11/2011');
    expect(formatInstant('2011-11-21T17:30:05.000Z')).toBe('22/11/2011 00:30:05 (UTC+7)');
    expect(formatInstant(new Date('2011-11-21T03:00:00Z'))).toBe('21/11/2011 10:00:00 (UTC+7)');
  });

  it('gives shares with two decimals, rounded half up, without a float drifting', () => {
    expect(formatShare(6, 7)).toBe('85,71%');
    expect(formatShare(1, 8)).toBe('12,50%');
    expect(formatShare(7, 7)).toBe('100,00%');
    expect(formatShare(1, 0)).toBe('—');
  });

  it('writes the numbers and shares a record stores as JSON without rounding them away', () => {
    expect(formatNumber(5.6)).toBe('5,6');
    expect(formatNumber(7)).toBe('7');
    expect(formatNumber(4.6667)).toBe('4,6667');
    expect(formatNumber(1e-7)).toBe('0,0000001');
    expect(formatRatio(0.8)).toBe('80%');
    expect(formatRatio(0.5)).toBe('50%');
    expect(formatRatio(0.665)).toBe('66,50%');
    expect(formatRatio(2 / 3)).toBe('2/3');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(0.123456)).toBe('0,123456');
  });
});
