import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../year/cycle-data';
import { GateConditions, gateTitle } from '../year/gate-conditions';

/**
 * What stands between the year and its next phase: each unmet gate with who owes what (unit ×
 * document), then anything else the dashboard says a unit still owes (the current phase's
 * reporting-only gates), in the server's words since the console cannot tell which gate said it.
 */
export function NextPhaseTodo({ dashboard, unitNames }: { dashboard: Dashboard; unitNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const next = dashboard.next;
  if (!next) {
    return (
      <section aria-labelledby="home-next" className="home-section">
        <Typography.Title level={2} id="home-next">
          {t('console.home.next.closedHeading')}
        </Typography.Title>
        <Typography.Paragraph>{t('console.home.next.closed')}</Typography.Paragraph>
      </section>
    );
  }
  const phase = t(`console.phase.${next.phase}`);
  const unmet = next.gates.filter((gate) => !gate.met);
  const said = new Set(next.gates.flatMap((gate) => gate.unmet.map((condition) => condition.message)));
  const others = dashboard.pending.flatMap((unit) =>
    unit.items.filter((item) => !said.has(item)).map((item) => ({ unit: unit.unitName ?? unit.unitCode ?? '', item })),
  );
  return (
    <section aria-labelledby="home-next" className="home-section">
      <Typography.Title level={2} id="home-next">
        {t('console.home.next.heading', { phase })}
      </Typography.Title>
      {unmet.length === 0 ? (
        <Typography.Paragraph>
          {t('console.home.next.ready', { phase })} <Link to="/console/year">{t('console.home.next.advance')}</Link>
        </Typography.Paragraph>
      ) : (
        <ul className="home-gates">
          {unmet.map((gate) => (
            <li key={gate.key}>
              <Typography.Text strong>
                {gateTitle(t, (key) => i18n.exists(key), gate)}{' '}
                {gate.blocking ? t('console.home.next.blocking') : t('console.home.next.reporting')}
              </Typography.Text>
              <GateConditions conditions={gate.unmet} unitNames={unitNames} />
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <Typography.Title level={3}>{t('console.home.next.others')}</Typography.Title>
          <ul>
            {others.map(({ unit, item }) => (
              <li key={`${unit}-${item}`}>
                {t('console.home.next.owes', { unit })}
                <details className="year-condition-detail">
                  <summary>{t('console.year.gate.detail')}</summary>
                  <span lang="en">{item}</span>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
