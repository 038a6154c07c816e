/**
 * Points as the API gives them: decimal strings with at most two decimals. Sums are taken in integer
 * hundredths (BigInt), as the server does (score-values.ts), so a total never drifts by a float.
 */

const POINTS = /^\d{1,12}([.,]\d{1,2})?$/;

/** '12,5' or '12.5' → 1250n hundredths; null when it is not a score (empty, negative, 3 decimals…). */
export function hundredthsOf(typed: string | null | undefined): bigint | null {
  const text = (typed ?? '').trim();
  if (!POINTS.test(text)) return null;
  const [whole, fraction = ''] = text.replace(',', '.').split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** 1250n → '12.50' (the API's form). */
export function pointsOf(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const size = negative ? -hundredths : hundredths;
  return `${negative ? '-' : ''}${size / 100n}.${String(size % 100n).padStart(2, '0')}`;
}

/** 1250n → '12,5' as read in Vietnamese (no trailing zero decimals). */
export function showPoints(hundredths: bigint): string {
  const [whole, fraction] = pointsOf(hundredths).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed ? `${whole},${trimmed}` : whole;
}

/** A typed score within 0…max (max in points, a number from the rules): whether the API would take it. */
export function withinMax(typed: string, maxPoints: number): boolean {
  const value = hundredthsOf(typed);
  return value !== null && value <= BigInt(Math.round(maxPoints * 100));
}
