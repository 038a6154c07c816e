/**
 * Numbers, days and instants written the Vietnamese way, from the stored strings, never through a
 * float: "1.269.500.000.000", "1.269,50", "21/11/2011", "21/11/2011 10:30:00 (UTC+7)".
 */

const INTEGER = /^-?[0-9]+$/;
const DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;
const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A whole number (a count, or whole VND as a string of digits) with "." between thousands. */
export function formatInteger(value: number | string): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`Not an exact integer: ${value}`);
  const text = String(value);
  if (!INTEGER.test(text)) throw new Error(`Not an integer: ${text}`);
  return text.startsWith('-') ? `-${groupThousands(text.slice(1))}` : groupThousands(text);
}

/**
 * A stored decimal ("1269.50") with "." between thousands and "," before the decimals; the
 * decimals are kept as stored, except a fraction of zeros, which says nothing ("20.00" → "20").
 */
export function formatDecimal(value: string): string {
  const match = DECIMAL.exec(value);
  if (!match) throw new Error(`Not a decimal: ${value}`);
  const [, sign, whole, fraction] = match;
  const grouped = `${sign}${groupThousands(whole)}`;
  return fraction && /[1-9]/.test(fraction) ? `${grouped},${fraction}` : grouped;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day 'YYYY-MM-DD' as "dd/mm/yyyy". */
export function formatDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) throw new Error(`Not a calendar day: ${day}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** An instant in Vietnam's time, to the second, saying so. */
export function formatInstant(instant: string | Date): string {
  const date = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an instant: ${String(instant)}`);
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day} ${time} (UTC+7)`;
}

/** `part` of `whole` as a percentage with two decimals, rounded half up: "85,71%". */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const hundredths = Math.floor((part * 20000 + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)},${pad(hundredths % 100)}%`;
}

/**
 * A number a record stores as JSON (`5.6`, `7`), written the Vietnamese way ("5,6", "7"): the
 * shortest decimal that reads back as the same number, so nothing is rounded away.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  const text = String(value);
  return formatDecimal(/e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text);
}

/**
 * A share the rules store as a number (0.8, 2/3) as a reader says it: a percentage when it is a
 * whole number of hundredths ("80%", "66,5%"), else the small fraction it is ("2/3"), else the
 * number itself.
 */
export function formatRatio(value: number): string {
  const hundredths = Math.round(value * 10000);
  if (Math.abs(value * 10000 - hundredths) < 1e-7) {
    return `${formatDecimal(`${Math.floor(hundredths / 100)}.${pad(hundredths % 100)}`)}%`;
  }
  for (let denominator = 2; denominator <= 20; denominator += 1) {
    const numerator = Math.round(value * denominator);
    if (Math.abs(value * denominator - numerator) < 1e-9) return `${numerator}/${denominator}`;
  }
  return formatNumber(value);
}
