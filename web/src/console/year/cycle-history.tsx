import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';

type Transition = Schemas['CycleTransitionResponseDto'];

/** Every move of the year, newest first: opened, advanced, reopened (with the reason), deadlines changed. */
export function CycleHistory({ history }: { history: Transition[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Transition> = [
    { key: 'when', title: t('console.year.history.when'), render: (_, row) => formatDateTime(row.createdAt) },
    {
      key: 'kind',
      title: t('console.year.history.kind'),
      render: (_, row) => t(`console.year.history.kinds.${row.kind}`),
    },
    {
      key: 'phase',
      title: t('console.year.history.phase'),
      render: (_, row) =>
        row.fromPhase && row.fromPhase !== row.toPhase
          ? `${t(`console.phase.${row.fromPhase}`)} → ${t(`console.phase.${row.toPhase}`)}`
          : t(`console.phase.${row.toPhase}`),
    },
    { key: 'reason', title: t('console.year.history.reason'), render: (_, row) => row.reason ?? '' },
  ];
  return (
    <section aria-labelledby="year-history" className="year-section">
      <Typography.Title level={2} id="year-history">
        {t('console.year.history.heading')}
      </Typography.Title>
      <Table<Transition> rowKey="id" columns={columns} dataSource={history} size="small" pagination={false} />
    </section>
  );
}
