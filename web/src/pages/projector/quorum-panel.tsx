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
      {quorum.presentUnits.length > 0 && <PresentUnits names={quorum.presentUnits.map((unit) => unit.unitName)} />}
    </>
  );
}

/**
 * The units present, short enough for the wall: the words every name starts with ("Liên minh
 * Hợp tác xã tỉnh") said once, then what tells them apart ("Sơn La, Lai Châu, …").
 */
function PresentUnits({ names }: { names: string[] }) {
  const { t } = useTranslation();
  const prefix = commonWordPrefix(names);
  return (
    <section className="projector-present-units" aria-labelledby="projector-present-units-title">
      <h3 id="projector-present-units-title">
        {prefix ? t('projector.attendance.presentUnitsOf', { prefix }) : t('projector.attendance.presentUnits')}
      </h3>
      <ul>
        {names.map((name) => (
          <li key={name}>{prefix ? name.slice(prefix.length).trim() : name}</li>
        ))}
      </ul>
    </section>
  );
}

/** The whole words all names begin with, when at least two names share them and each has more. */
function commonWordPrefix(names: string[]): string {
  if (names.length < 2) return '';
  const split = names.map((name) => name.split(/\s+/));
  const shortest = Math.min(...split.map((words) => words.length));
  let count = 0;
  while (count < shortest - 1 && split.every((words) => words[count] === split[0][count])) count += 1;
  return split[0].slice(0, count).join(' ');
}
