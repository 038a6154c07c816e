import { useTranslation } from 'react-i18next';
import type { BallotReceipt } from '../../meeting/ballot-store';
import { useFocusOnMount } from '../../meeting/focus';
import type { Poll } from '../../meeting/queries';
import { choiceLabel } from './options';

/** The receipt as the server gave it, kept on this device: the choice and each tracker. */
/** `focus`: just received, so a keyboard or screen-reader user lands on it (not on a page load). */
export function Receipt({ poll, receipt, focus }: { poll: Poll; receipt: BallotReceipt; focus: boolean }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>(focus);
  return (
    <section className="receipt" aria-labelledby={`receipt-${poll.id}`}>
      <h4 id={`receipt-${poll.id}`} ref={heading} tabIndex={-1}>
        {t('delegate.receipt.title')}
      </h4>
      <p role="status">{t('delegate.receipt.recorded', { choice: choiceLabel(poll, receipt, t) })}</p>
      <p>{t('delegate.receipt.trackers', { count: receipt.trackers.length })}</p>
      <ul className="trackers">
        {receipt.trackers.map((tracker) => (
          <li key={tracker}>
            <code>{tracker}</code>
          </li>
        ))}
      </ul>
      <p className="meta">{t('delegate.receipt.kept')}</p>
    </section>
  );
}
