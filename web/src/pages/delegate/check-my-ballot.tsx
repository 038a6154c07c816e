import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../api/client';
import { trackerOf, type BallotReceipt, type StoredBallot } from '../../meeting/ballot-store';
import { useBulletinBoard, type BulletinBoard, type Poll } from '../../meeting/queries';
import { choiceLabel } from './options';

type Entry = BulletinBoard['entries'][number];

const same = (a: { choice?: string; approve?: string[] }, b: { choice?: string; approve?: string[] }) =>
  a.choice === b.choice && [...(a.approve ?? [])].sort().join() === [...(b.approve ?? [])].sort().join();

/**
 * After the close: each of the device's trackers looked up on the bulletin board, and whether the
 * ballot there holds the choice the receipt says. A small mixed poll publishes merged totals only.
 * A ballot sent but never acknowledged (kept `pending`) is looked for by the trackers its key gives:
 * found, it becomes the device's receipt; not found, it was not cast.
 */
export function CheckMyBallot({
  poll,
  receipt,
  pending,
  onStored,
}: {
  poll: Poll;
  receipt?: BallotReceipt;
  pending?: StoredBallot['pending'];
  onStored: (next: StoredBallot) => void;
}) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [asked, setAsked] = useState(false);
  const board = useBulletinBoard(poll.id, asked);
  const [notCast, setNotCast] = useState(false);

  // An unacknowledged ballot: its trackers, 1 … weight, as long as the board has them.
  useEffect(() => {
    if (!pending || !board.data?.listed) return;
    let cancelled = false;
    void (async () => {
      const found: Entry[] = [];
      for (let g = 1; g <= board.data.entries.length; g += 1) {
        const tracker = await trackerOf(poll.id, pending.key, g);
        const entry = board.data.entries.find((e) => e.tracker === tracker);
        if (!entry) break;
        found.push(entry);
      }
      if (cancelled) return;
      if (found.length === 0) return setNotCast(true);
      onStored({
        receipt: {
          pollId: poll.id,
          tracker: found[0].tracker,
          trackers: found.map((e) => e.tracker),
          ...(found[0].approve ? { approve: found[0].approve } : { choice: found[0].choice }),
          bulletinBoard: `/api/v1/polls/${poll.id}/bulletin-board`,
        },
      });
    })();
    return () => {
      cancelled = true;
    };
  }, [pending, board.data, poll.id, onStored]);

  return (
    <section className="check" aria-labelledby={`check-${poll.id}`}>
      <h4 id={`check-${poll.id}`}>{t('delegate.check.title')}</h4>
      {pending && <p>{t('delegate.check.unacknowledged')}</p>}
      <button type="button" className="primary" onClick={() => (asked ? void board.refetch() : setAsked(true))}>
        {t('delegate.check.button')}
      </button>
      <div aria-live="polite">
        {asked && board.isPending && <p>{t('app.loading')}</p>}
        {board.isError && <p role="alert">{problemMessage(board.error)}</p>}
        {board.data && !board.data.listed && <p>{t('delegate.check.notListed')}</p>}
        {notCast && (
          <p role="alert" className="error">
            {t('delegate.check.notCast')}
          </p>
        )}
        {board.data?.listed && receipt && (
          <ul className="trackers">
            {receipt.trackers.map((tracker) => {
              const entry = board.data.entries.find((e) => e.tracker === tracker);
              const ok = entry && same(entry, receipt);
              return (
                <li key={tracker} className={ok ? 'ok' : 'error'}>
                  <code>{tracker.slice(0, 16)}…</code>{' '}
                  {!entry
                    ? t('delegate.check.missing')
                    : ok
                      ? t('delegate.check.found', { choice: choiceLabel(poll, entry, t) })
                      : t('delegate.check.different', { choice: choiceLabel(poll, entry, t) })}
                </li>
              );
            })}
          </ul>
        )}
        {board.data?.listed && (
          <p className="meta">
            {t('delegate.check.count', { count: board.data.ballots })} <code>{board.data.digest}</code>
          </p>
        )}
      </div>
    </section>
  );
}
