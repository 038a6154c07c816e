import { Table, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';

type BadgeStatus = 'success' | 'processing' | 'warning' | 'error' | 'default';
type Results = Schemas['CycleResultsResponseDto'];

interface UnitStatusRow {
  unitId: string;
  unitName: string;
  status: 'approved' | 'submitted' | 'draft' | 'none';
  number?: number;
  approvedAt?: string;
}

const COLOURS: Record<UnitStatusRow['status'], BadgeStatus> = {
  approved: 'success',
  submitted: 'processing',
  draft: 'warning',
  none: 'error',
};

/** Every current member unit: approved (counted), or where its report stands (not counted yet). */
export function UnitsStatus({ results }: { results: Results }) {
  const { t } = useTranslation();
  const rows: UnitStatusRow[] = [
    ...results.units.map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      status: 'approved' as const,
      number: unit.number,
      approvedAt: unit.approvedAt,
    })),
    ...results.missingUnits.map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      status: (unit.status ?? 'none') as UnitStatusRow['status'],
    })),
  ];
  const missing = results.missingUnits.length;

  return (
    <section aria-labelledby="reports-units">
      <Typography.Title level={2} id="reports-units">
        {t('console.reports.units.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {missing === 0
          ? t('console.reports.units.allApproved', { count: rows.length })
          : t('console.reports.units.missing', {
              missing,
              count: rows.length,
              names: results.missingUnits.map((unit) => unit.unitName).join(', '),
            })}
      </Typography.Paragraph>
      <Table<UnitStatusRow>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'unit', title: t('console.reports.units.unit'), dataIndex: 'unitName' },
          {
            key: 'status',
            title: t('console.reports.units.status'),
            render: (_, row) => (
              <Badge status={COLOURS[row.status]} text={t(`console.reports.unitStatus.${row.status}`)} />
            ),
          },
          {
            key: 'counted',
            title: t('console.reports.units.counted'),
            render: (_, row) =>
              row.status === 'approved'
                ? t('console.reports.units.countedVersion', {
                    number: row.number,
                    at: formatDateTime(row.approvedAt!),
                  })
                : t('console.reports.units.notCounted'),
          },
        ]}
      />
    </section>
  );
}
