/**
 * How many days a deadline leaves, counted in calendar days in Asia/Ho_Chi_Minh (docs/cycle.md
 * "Deadlines and the time zone"): a deadline of 21 November is still on time until 23:59 in Hà Nội.
 * Pure: `now` is passed in, so the tests fix it.
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const calendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day `now` falls on in Vietnam, as `YYYY-MM-DD`. */
export function dayInVietnam(now: Date): string {
  return calendar.format(now);
}

function dayNumber(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

/** Days from today (in Vietnam) to `deadline` (`YYYY-MM-DD`): 0 on the day itself, negative once past. */
export function daysLeft(deadline: string, now: Date): number {
  return dayNumber(deadline) - dayNumber(dayInVietnam(now));
}

export type DeadlineState = 'overdue' | 'today' | 'soon' | 'later';

/** What a deadline means for the clerk today: past, the last day, within `soonDays`, or later. */
export function deadlineState(days: number, soonDays = 7): DeadlineState {
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= soonDays ? 'soon' : 'later';
}
