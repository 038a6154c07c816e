import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format/format';
import type { Dashboard } from '../year/cycle-data';
import { TAG } from '../../ui/readable';
import { daysLeft, deadlineState } from './days-left';

type Row = { phase: Dashboard['phases'][number]['phase']; deadline: string; days: number; current: boolean };
const COLOURS = { overdue: TAG.bad, today: TAG.bad, soon: TAG.warn, later: undefined } as const;

/** The current and coming phases' deadlines with the days they leave (or how long they are overdue). */
export function DeadlinesAhead({ dashboard, now }: { dashboard: Dashboard; now: Date }) {
  const { t } = useTranslation();
  const rows: Row[] = dashboard.phases
    .filter((phase) => phase.status !== 'done' && phase.deadline)
    .map((phase) => ({
      phase: phase.phase,
      deadline: phase.deadline!,
      days: daysLeft(phase.deadline!, now),
      current: phase.status === 'current',
    }));
  const columns: ColumnsType<Row> = [
    {
      key: 'phase',
      title: t('console.home.deadlines.phase'),
      render: (_, row) => (
        <Link to="/console/year">
          {t(`console.phase.${row.phase}`)}
          {row.current ? ` (${t('console.home.deadlines.current')})` : ''}
        </Link>
      ),
    },
    { key: 'deadline', title: t('console.home.deadlines.deadline'), render: (_, row) => formatDate(row.deadline) },
    {
      key: 'left',
      title: t('console.home.deadlines.left'),
      render: (_, row) => {
        // Only the current phase can be late; a coming phase's past day is simply a deadline to move.
        const state = row.current || row.days >= 0 ? deadlineState(row.days) : 'overdue';
        return (
          <Tag color={COLOURS[state]}>
            {state === 'overdue'
              ? t('console.home.deadlines.overdue', { count: -row.days })
              : state === 'today'
                ? t('console.home.deadlines.today')
                : t('console.home.deadlines.daysLeft', { count: row.days })}
          </Tag>
        );
      },
    },
  ];
  return (
    <section aria-labelledby="home-deadlines" className="home-section">
      <Typography.Title level={2} id="home-deadlines">
        {t('console.home.deadlines.heading')}
      </Typography.Title>
      {rows.length === 0 ? (
        <Typography.Paragraph>
          {t('console.home.deadlines.none')} <Link to="/console/year">{t('console.home.deadlines.set')}</Link>
        </Typography.Paragraph>
      ) : (
        <Table<Row> rowKey="phase" columns={columns} dataSource={rows} size="small" pagination={false} />
      )}
    </section>
  );
}
