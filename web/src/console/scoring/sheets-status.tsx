import { Table, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePoints } from './points';
import { useRanking } from './scoring-queries';
import { ReadableLink } from '../../ui/readable';

interface SheetRow {
  unitId: string;
  unitName: string;
  status: 'submitted' | 'draft' | 'none';
  total?: string;
}

const COLOURS = { submitted: 'success', draft: 'warning', none: 'error' } as const;

/** Each member unit's sheet: submitted (with its total as it counts now), in draft, or not started. */
export function SheetsStatus({ periodId }: { periodId: string }) {
  const { t } = useTranslation();
  const points = usePoints();
  const ranking = useRanking(periodId, 'final');
  const rows: SheetRow[] = [
    ...(ranking.data?.rows ?? []).map((row) => ({
      unitId: row.unitId,
      unitName: row.unitName,
      status: 'submitted' as const,
      total: row.total,
    })),
    ...(ranking.data?.missingUnits ?? []).map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      status: unit.sheetStatus ?? ('none' as const),
    })),
  ];
  return (
    <section aria-labelledby="scoring-sheets">
      <Typography.Title level={2} id="scoring-sheets">
        {t('console.scoring.sheets.title')}
      </Typography.Title>
      <ProblemAlert error={ranking.error} />
      <Table<SheetRow>
        rowKey="unitId"
        size="small"
        pagination={false}
        loading={ranking.isFetching}
        dataSource={rows}
        columns={[
          {
            key: 'unit',
            title: t('console.scoring.unit'),
            render: (_, row) => <ReadableLink to={`units/${row.unitId}`}>{row.unitName}</ReadableLink>,
          },
          {
            key: 'status',
            title: t('console.scoring.sheets.status'),
            render: (_, row) => (
              <Badge status={COLOURS[row.status]} text={t(`console.scoring.sheetStatus.${row.status}`)} />
            ),
          },
          {
            key: 'total',
            title: t('console.scoring.sheets.total'),
            align: 'right',
            render: (_, row) => points(row.total),
          },
        ]}
      />
    </section>
  );
}
