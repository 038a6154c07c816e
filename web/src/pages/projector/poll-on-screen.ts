import type { Poll } from './projector-queries';

const latest = (poll: Poll) =>
  Math.max(...[poll.certifiedAt, poll.talliedAt, poll.closedAt, poll.openedAt].map((at) => (at ? Date.parse(at) : 0)));

/**
 * The poll the wall shows: the one open now (the latest opened, should two be open), else the
 * one whose last step — closed, tallied, certified — came last, so a result stays up until the
 * next poll opens. Drafts are the secretariat's business until they open.
 */
export function pollOnScreen(polls: readonly Poll[]): Poll | undefined {
  const started = polls.filter((poll) => poll.status !== 'draft');
  const open = started.filter((poll) => poll.status === 'open');
  const pool = open.length > 0 ? open : started;
  return pool.reduce<Poll | undefined>(
    (best, poll) => (!best || latest(poll) >= latest(best) ? poll : best),
    undefined,
  );
}
