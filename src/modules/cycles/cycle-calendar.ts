/** Deadlines are calendar days in the cluster's time zone, whatever the server's own. */
export const CYCLE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CYCLE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today (or the day of `now`) in Asia/Ho_Chi_Minh, as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
