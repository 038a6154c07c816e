/** Pledge values as the API takes them: decimal strings ≥ 0 with at most 2 decimals ("20", "1269.5"). */
const DECIMAL = /^\d{1,18}([.,]\d{1,2})?$/;

/** Whether a typed value is one (a comma is the Vietnamese decimal mark, a dot is accepted too). */
export function isDecimal(typed: string | undefined): boolean {
  return DECIMAL.test((typed ?? '').trim());
}

/** '12,5' → '12.5' for the API. */
export function apiDecimal(typed: string): string {
  return typed.trim().replace(',', '.');
}

/** '12.50' → '12,5' as read in Vietnamese (exact: the string is never parsed as a float). */
export function showDecimal(value: string | null | undefined): string {
  if (!value) return '';
  const [whole, fraction = ''] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.replace(/0+$/, '');
  return decimals ? `${grouped},${decimals}` : grouped;
}
