import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import type { UnmetCondition } from './cycle-data';
import en from './messages.en.json';
import vi from './messages.vi.json';
import './year.css';

// The home page shows the same conditions: whoever imports this has the gates' sentences.
registerMessages({ vi, en });

/** The console area where what a gate waits for is done. */
const GATE_AREA: Record<string, string> = {
  'rules.pinned': 'rules',
  'pledges.sealed': 'pledges',
  'reports.approved': 'reports',
  'scoring.ranking_adopted': 'scoring',
  'flag.handed_over': 'flag',
};

const gateKey = (gate: string) => `console.year.gate.${gate.replace(/\./g, '_')}`;

/** The gate's condition in the person's language; a gate the console does not know keeps the server's words. */
export function gateTitle(t: TFunction, exists: (key: string) => boolean, gate: { key: string; description: string }) {
  return exists(`${gateKey(gate.key)}.title`) ? t(`${gateKey(gate.key)}.title`) : gate.description;
}

/** One unmet condition as a sentence naming the unit that owes it. */
export function conditionSentence(
  t: TFunction,
  exists: (key: string) => boolean,
  condition: UnmetCondition,
  unitNames: Map<string, string>,
): string {
  const base = gateKey(condition.gate);
  if (!exists(`${base}.general`)) return condition.message;
  if (!condition.unitId) return t(`${base}.general`);
  return t(`${base}.unit`, { unit: unitNames.get(condition.unitId) ?? t('console.year.gate.someUnit') });
}

/** What is still missing for a phase, each with where to do it and the server's own wording. */
export function GateConditions({
  conditions,
  unitNames,
}: {
  conditions: UnmetCondition[];
  unitNames: Map<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  return (
    <ul className="year-conditions">
      {conditions.map((condition, index) => {
        const area = GATE_AREA[condition.gate];
        return (
          <li key={`${condition.gate}-${condition.unitId ?? ''}-${index}`}>
            <Typography.Text>{conditionSentence(t, exists, condition, unitNames)}</Typography.Text>{' '}
            {area && <Link to={`/console/${area}`}>{t(`console.year.gate.goTo.${area}`)}</Link>}
            <details className="year-condition-detail">
              <summary>{t('console.year.gate.detail')}</summary>
              <span lang="en">{condition.message}</span>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
