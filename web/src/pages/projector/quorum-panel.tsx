import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../api/client';
import { formatShare } from '../../format/format';
import type { Quorum } from './projector-queries';

/** Attendance and both quorums of the pinned rules, as they stand now. */
export function QuorumPanel({ query }: { query: UseQueryResult<Quorum> }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  return (
    <section className="projector-card projector-quorum" aria-labelledby="projector-attendance-title">
      <h2 id="projector-attendance-title">{t('projector.attendance.title')}</h2>
      {query.isPending && <p>{t('app.loading')}</p>}
      {query.isError && <p role="alert">{problemMessage(query.error)}</p>}
      {query.data && <QuorumFigures quorum={query.data} />}
    </section>
  );
}

function QuorumFigures({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation();
  const rules = [
    { key: 'quorum', rule: quorum.quorum },
    { key: 'awardQuorum', rule: quorum.awardQuorum },
  ] as const;
  return (
    <>
      <p className="projector-attendance-figure" aria-live="polite">
        {t('projector.attendance.present', { present: quorum.present, members: quorum.members })}
      </p>
      <ul className="projector-quorum-rules">
        {rules.map(({ key, rule }) => (
          <li key={key} className={rule.met ? 'projector-met' : 'projector-not-met'}>
            <span aria-hidden="true" className="projector-mark">
              {rule.met ? '✓' : '✗'}
            </span>
            {t(`projector.quorum.${key}.${rule.met ? 'met' : 'notMet'}`, {
              share: formatShare(rule.required),
              units: rule.requiredUnits,
            })}
          </li>
        ))}
      </ul>
      {quorum.presentUnits.length > 0 && (
        <ul className="projector-present-units" aria-label={t('projector.attendance.presentUnits')}>
          {quorum.presentUnits.map((unit) => (
            <li key={unit.unitId}>{unit.unitName}</li>
          ))}
        </ul>
      )}
    </>
  );
}
