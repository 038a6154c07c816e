import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/format';
import { daysLeft } from '../home/days-left';
import type { Dashboard } from './cycle-data';

/** The year's eight phases, done / current / to come, each with its deadline (and overdue when so). */
export function PhaseTimeline({ dashboard, now }: { dashboard: Dashboard; now: Date }) {
  const { t } = useTranslation();
  const current = dashboard.phases.findIndex((phase) => phase.status === 'current');
  return (
    <section aria-labelledby="year-timeline" className="year-section">
      <Typography.Title level={2} id="year-timeline">
        {t('console.year.timeline.heading')}
      </Typography.Title>
      <Steps
        size="small"
        className="year-steps"
        titlePlacement="vertical"
        current={current}
        items={dashboard.phases.map((phase) => {
          const overdue = phase.status === 'current' && phase.deadline !== null && daysLeft(phase.deadline, now) < 0;
          return {
            title: t(`console.phase.${phase.phase}`),
            status: overdue
              ? 'error'
              : phase.status === 'done'
                ? 'finish'
                : phase.status === 'current'
                  ? 'process'
                  : 'wait',
            description: [
              t(`console.year.timeline.${phase.status}`),
              phase.deadline ? t('console.year.timeline.deadline', { date: formatDate(phase.deadline) }) : null,
              overdue ? t('console.year.timeline.overdue') : null,
            ]
              .filter(Boolean)
              .join(' · '),
          };
        })}
      />
    </section>
  );
}
