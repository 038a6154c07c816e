/**
 * Whole numbers as people type them in Vietnamese (`1.269.500.000.000`), kept as strings of digits
 * so an amount of any size stays exact — never a float.
 */

/** What was typed → its digits, without the grouping dots or leading zeros ('' when none). */
export function digitsOf(typed: string): string {
  const digits = typed.replace(/\D/g, '');
  return digits.replace(/^0+(?=\d)/, '');
}

/** '1269500000000' → '1.269.500.000.000' (grouped by threes from the right, exact for any length). */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** How many digits come before position `caret` of a typed text (to put the caret back after grouping). */
export function digitsBefore(text: string, caret: number): number {
  return text.slice(0, caret).replace(/\D/g, '').length;
}

/** The position in a grouped text right after its `count`-th digit. */
export function caretAfterDigits(grouped: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < grouped.length; index++) {
    if (/\d/.test(grouped[index]) && ++seen === count) return index + 1;
  }
  return grouped.length;
}
