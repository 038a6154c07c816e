import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format/format';
import { registerMessages } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { useDashboard, useUnitNames } from '../year/cycle-data';
import { DeadlinesAhead } from './deadlines-ahead';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { NextPhaseTodo } from './next-phase-todo';
import { WaitingApprovals } from './waiting-approvals';
import './home.css';

registerMessages({ vi, en });

/** The console's home (`/console`): what needs the clerk's attention today, each item linking to its screen. */
export default function ConsoleHome() {
  const { t } = useTranslation();
  const scope = useConsoleScope();
  const dashboard = useDashboard(scope.cycle?.id);
  const unitNames = useUnitNames(scope.clusterId);
  const now = new Date();
  return (
    <>
      <div className="console-home">
        <Typography.Title level={1}>{t('console.menu.home')}</Typography.Title>
        <Typography.Paragraph>{t('console.home.today', { date: formatDate(now) })}</Typography.Paragraph>
        {!scope.cyclesLoaded && <Spin description={t('app.loading')} />}
        {scope.cyclesLoaded && !scope.cycle && (
          <Typography.Paragraph>
            {t('console.home.noYear')} <Link to="/console/year">{t('console.home.openYear')}</Link>
          </Typography.Paragraph>
        )}
        {scope.cycle && dashboard.isPending && <Spin description={t('app.loading')} />}
        <ProblemAlert error={dashboard.error} />
        {dashboard.data && (
          <>
            <Typography.Paragraph className="home-year">
              {t('console.home.year', {
                year: dashboard.data.cycle.year,
                phase: t(`console.phase.${dashboard.data.cycle.phase}`),
              })}{' '}
              <Link to="/console/year">{t('console.home.toYear')}</Link>
            </Typography.Paragraph>
            <NextPhaseTodo dashboard={dashboard.data} unitNames={unitNames} />
            <DeadlinesAhead dashboard={dashboard.data} now={now} />
          </>
        )}
        <WaitingApprovals unitNames={unitNames} />
      </div>
    </>
  );
}
