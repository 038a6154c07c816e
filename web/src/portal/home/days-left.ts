/**
 * Whole days from today to a deadline, both as calendar days in Asia/Ho_Chi_Minh (as the API counts
 * them, cycle-calendar.ts): 0 is "due today", negative is overdue. Pure: `now` is passed in.
 */
const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DAY_MS = 86_400_000;

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Vietnam. */
export function vietnamDate(now: Date): string {
  return vietnamDay.format(now);
}

function dayNumber(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** `daysLeft('2011-11-21', now)`: 0 on 21/11/2011 in Vietnam, 1 the day before, -1 the day after. */
export function daysLeft(deadline: string, now: Date): number {
  return dayNumber(deadline.slice(0, 10)) - dayNumber(vietnamDate(now));
}
