import { Alert, Space, Table, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { useConsoleScope } from '../console-scope';
import { CreatePeriodForm } from './create-period-form';
import { ReadableLink, EmptyText } from '../../ui/readable';

type Period = Schemas['ScoringPeriodResponseDto'];

/** `/console/scoring`: the year's scoring periods, and opening a new one with its due dates. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  return (
    <section aria-labelledby="scoring-title">
      <Typography.Title level={1} id="scoring-title">
        {t('console.scoring.title')}
      </Typography.Title>
      {cycle ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('console.scoring.lead')}</Typography.Paragraph>
          <PeriodsTable cycleId={cycle.id} />
          <CreatePeriodForm cycleId={cycle.id} />
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('console.scoring.noCycle')} />
      )}
    </section>
  );
}

function PeriodsTable({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { tableProps, query } = usePagedList<Period>(
    'periods',
    ['cycles', cycleId, 'scoring-periods'],
    (page) =>
      unwrap(api.GET('/api/v1/cycles/{cycleId}/scoring-periods', { params: { path: { cycleId }, query: page } })),
    { defaultSort: '-createdAt' },
  );
  return (
    <section aria-labelledby="scoring-periods">
      <Typography.Title level={2} id="scoring-periods">
        {t('console.scoring.periods.title')}
      </Typography.Title>
      <Table<Period>
        {...tableProps}
        size="small"
        locale={{ emptyText: <EmptyText>{t('console.scoring.periods.empty')}</EmptyText> }}
        columns={[
          {
            key: 'name',
            title: t('console.scoring.periods.name'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'name'),
            render: (_, period) => <ReadableLink to={`periods/${period.id}`}>{period.name}</ReadableLink>,
          },
          {
            key: 'selfScoringDue',
            title: t('console.scoring.periods.selfScoringDue'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'selfScoringDue'),
            render: (_, period) => formatDate(period.selfScoringDue),
          },
          {
            key: 'explanationDue',
            title: t('console.scoring.periods.explanationDue'),
            render: (_, period) => formatDate(period.explanationDue),
          },
          {
            key: 'status',
            title: t('console.scoring.periods.status'),
            render: (_, period) => (
              <Badge
                status={period.status === 'adopted' ? 'success' : 'processing'}
                text={t(`console.scoring.periodStatus.${period.status}`)}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
