import { Button, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { useCycle, useDashboard, useUnitNames } from './cycle-data';
import { CycleHistory } from './cycle-history';
import { DeadlinesForm } from './deadlines-form';
import { NextPhase } from './next-phase';
import { OpenYearForm } from './open-year-form';
import { PhaseTimeline } from './phase-timeline';
import { ReopenForm } from './reopen-form';

/** The year at a glance: its phases, what the next one waits for, deadlines, reopening, history; opening a new year. */
export function YearPage() {
  const { t } = useTranslation();
  const scope = useConsoleScope();
  const dashboard = useDashboard(scope.cycle?.id);
  const cycle = useCycle(scope.cycle?.id);
  const unitNames = useUnitNames(scope.clusterId);
  const [opening, setOpening] = useState(false);
  const now = new Date();

  return (
    <div className="year-page">
      <Typography.Title level={1}>{t('console.menu.year')}</Typography.Title>
      {!scope.cycle && <Typography.Paragraph>{t('console.year.none')}</Typography.Paragraph>}
      {scope.cycle && !opening && (
        <Space>
          <Button onClick={() => setOpening(true)}>{t('console.year.open.show')}</Button>
        </Space>
      )}
      {(opening || !scope.cycle) && <OpenYearForm onDone={() => setOpening(false)} />}
      {scope.cycle && (dashboard.isPending || cycle.isPending) && <Spin description={t('app.loading')} />}
      <ProblemAlert error={dashboard.error ?? cycle.error} />
      {dashboard.data && cycle.data && (
        <>
          <Typography.Title level={2} className="year-now">
            {t('console.year.now', {
              year: dashboard.data.cycle.year,
              phase: t(`console.phase.${dashboard.data.cycle.phase}`),
            })}
          </Typography.Title>
          <PhaseTimeline dashboard={dashboard.data} now={now} />
          <NextPhase dashboard={dashboard.data} unitNames={unitNames} />
          <DeadlinesForm key={`deadlines-${cycle.data.id}-${cycle.data.version}`} cycle={cycle.data} />
          <ReopenForm key={`reopen-${cycle.data.id}`} cycle={cycle.data} />
          <CycleHistory history={dashboard.data.history} />
        </>
      )}
    </div>
  );
}
