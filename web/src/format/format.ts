/**
 * How Vietnamese records show dates and amounts: dd/MM/yyyy in Asia/Ho_Chi_Minh whatever the
 * device's zone, numbers grouped with '.', VND exact (amounts travel as decimal strings and are
 * formatted as BigInt, never as a float).
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** '2011-11-21' (a calendar day) or an instant → '21/11/2011'. */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${day}/${month}/${year}`;
  }
  const parts = Object.fromEntries(dateFormat.formatToParts(new Date(value)).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** An instant → '08:30 21/11/2011' in Vietnam's time. */
export function formatDateTime(value: string | Date): string {
  return `${timeFormat.format(new Date(value))} ${formatDate(value)}`;
}

/** '1269500000000' → '1.269.500.000.000' (exact for any size). */
export function formatInteger(value: string | number | bigint): string {
  return integerFormat.format(typeof value === 'string' ? BigInt(value) : value);
}

/** '1269500000000' → '1.269.500.000.000 ₫'. */
export function formatVnd(value: string | bigint): string {
  return `${formatInteger(value)} ₫`;
}

const shareFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 2 });
const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A share as a percentage: 0.6667 → '66,67%', 0.8 → '80%'. */
export function formatShare(value: number): string {
  return shareFormat.format(value);
}

/** A count that may have a fraction (votes needed = threshold × base): 5.6 → '5,6'. */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}
