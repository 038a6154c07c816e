import { Descriptions, Space, Spin, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { RankingPanel } from './ranking-panel';
import { ReviewAssignments } from './review-assignments';
import { usePeriod } from './scoring-queries';
import { SheetsStatus } from './sheets-status';
import { ReadableLink } from '../../ui/readable';

/** `/console/scoring/periods/:periodId`: one period from the sheets to the adopted ranking. */
export function PeriodPage() {
  const { t } = useTranslation();
  const { periodId = '' } = useParams();
  const period = usePeriod(periodId);
  if (period.isPending) return <Spin description={t('console.scoring.loading')} />;
  if (period.error) return <ProblemAlert error={period.error} />;
  const { data } = period;
  return (
    <section aria-labelledby="period-title">
      <ReadableLink to="/console/scoring">{t('console.scoring.back')}</ReadableLink>
      <Typography.Title level={1} id="period-title">
        {data.name}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'self',
            label: t('console.scoring.periods.selfScoringDue'),
            children: formatDate(data.selfScoringDue),
          },
          {
            key: 'explanation',
            label: t('console.scoring.periods.explanationDue'),
            children: formatDate(data.explanationDue),
          },
          {
            key: 'status',
            label: t('console.scoring.periods.status'),
            children: (
              <Space>
                <Badge
                  status={data.status === 'adopted' ? 'success' : 'processing'}
                  text={t(`console.scoring.periodStatus.${data.status}`)}
                />
                {data.adoptedAt ? t('console.scoring.adoptedAt', { at: formatDateTime(data.adoptedAt) }) : null}
              </Space>
            ),
          },
        ]}
      />
      <Space orientation="vertical" size="large" style={{ width: '100%', marginTop: 16 }}>
        <SheetsStatus periodId={periodId} />
        <ReviewAssignments periodId={periodId} adopted={data.status === 'adopted'} />
        <RankingPanel period={data} />
      </Space>
    </section>
  );
}
