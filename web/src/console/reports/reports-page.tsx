import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { ReportVersions } from './report-versions';
import { ResultsExports } from './results-exports';
import { ResultsTotals } from './results-totals';
import { UnitsStatus } from './units-status';

/** `/console/reports`: where every member unit's report stands, and what the approved ones add up to. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  const results = useQuery({
    queryKey: ['cycles', cycle?.id, 'results'],
    queryFn: () => unwrap(api.GET('/api/v1/cycles/{cycleId}/results', { params: { path: { cycleId: cycle!.id } } })),
    enabled: Boolean(cycle),
  });

  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={1} id="reports-title">
        {t('console.reports.title')}
      </Typography.Title>
      {!cycle ? (
        <Alert type="info" showIcon title={t('console.reports.noCycle')} />
      ) : results.isPending ? (
        <Spin description={t('console.reports.loading')} />
      ) : results.error ? (
        <ProblemAlert error={results.error} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('console.reports.lead', { year: cycle.year })}</Typography.Paragraph>
          <UnitsStatus results={results.data} />
          <ResultsTotals results={results.data} />
          <ResultsExports cycleId={cycle.id} results={results.data} />
          <ReportVersions cycleId={cycle.id} />
        </Space>
      )}
    </section>
  );
}
