import { Table, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';

type Report = Schemas['ResultsReportResponseDto'];

/** A draft sent back by the head starts a new round of its approval: that is what "returned" is. */
export function reportStatus(report: Report): 'draft' | 'returned' | 'submitted' | 'approved' {
  const approval = report.approval as Schemas['ApprovalSummaryDto'] | null;
  if (report.status === 'draft' && approval && approval.round > 1) return 'returned';
  return report.status;
}

const COLOURS = { draft: 'warning', returned: 'error', submitted: 'processing', approved: 'success' } as const;

/** Every report version of the year (first reports and corrections), as the API lists them. */
export function ReportVersions({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { tableProps, query } = usePagedList<Report>(
    'versions',
    ['cycles', cycleId, 'reports'],
    (page) => unwrap(api.GET('/api/v1/cycles/{cycleId}/reports', { params: { path: { cycleId }, query: page } })),
    { defaultSort: '-updatedAt' },
  );
  return (
    <section aria-labelledby="reports-versions">
      <Typography.Title level={2} id="reports-versions">
        {t('console.reports.versions.title')}
      </Typography.Title>
      <Table<Report>
        {...tableProps}
        size="small"
        columns={[
          { key: 'unit', title: t('console.reports.units.unit'), render: (_, row) => row.unit.name },
          {
            key: 'number',
            title: t('console.reports.versions.number'),
            dataIndex: 'number',
            sorter: true,
            sortOrder: sortOrderOf(query, 'number'),
          },
          {
            key: 'status',
            title: t('console.reports.units.status'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'status'),
            render: (_, row) => {
              const status = reportStatus(row);
              return <Badge status={COLOURS[status]} text={t(`console.reports.versionStatus.${status}`)} />;
            },
          },
          {
            key: 'updatedAt',
            title: t('console.reports.versions.updatedAt'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'updatedAt'),
            render: (_, row) => formatDateTime(row.updatedAt),
          },
        ]}
      />
    </section>
  );
}
