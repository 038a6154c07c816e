import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../api/client';
import type { BallotReceipt } from '../../meeting/ballot-store';
import { useBulletinBoard, type Poll } from '../../meeting/queries';
import { choiceLabel } from './options';

/**
 * After the close: each of the device's trackers looked up on the bulletin board, and whether the
 * ballot there holds the choice the receipt says. A small mixed poll publishes merged totals only.
 */
export function CheckMyBallot({ poll, receipt }: { poll: Poll; receipt: BallotReceipt }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [asked, setAsked] = useState(false);
  const board = useBulletinBoard(poll.id, asked);
  const same = (a: { choice?: string; approve?: string[] }, b: { choice?: string; approve?: string[] }) =>
    a.choice === b.choice && [...(a.approve ?? [])].sort().join() === [...(b.approve ?? [])].sort().join();

  return (
    <section className="check" aria-labelledby={`check-${poll.id}`}>
      <h4 id={`check-${poll.id}`}>{t('delegate.check.title')}</h4>
      <button type="button" className="primary" onClick={() => (asked ? void board.refetch() : setAsked(true))}>
        {t('delegate.check.button')}
      </button>
      <div aria-live="polite">
        {asked && board.isPending && <p>{t('app.loading')}</p>}
        {board.isError && <p role="alert">{problemMessage(board.error)}</p>}
        {board.data && !board.data.listed && <p>{t('delegate.check.notListed')}</p>}
        {board.data?.listed && (
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
