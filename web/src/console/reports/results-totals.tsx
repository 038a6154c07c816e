import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatInteger, formatVnd } from '../../format/format';
import { EmptyText } from '../../ui/readable';

type Results = Schemas['CycleResultsResponseDto'];
type UnitResults = Schemas['UnitResultsDto'];

/** The seven figures of a report, in the order of the CSV and the PDF. */
export const FIGURES = [
  'cooperatives',
  'charterCapitalVnd',
  'membersAndWorkers',
  'cooperativeGroups',
  'groupMembers',
  'newCooperatives',
  'newMemberCooperatives',
] as const;
export type Figure = (typeof FIGURES)[number];

/** A figure as people read it: capital in exact VND, counts grouped. */
export function formatFigure(figure: Figure, value: string | number): string {
  return figure === 'charterCapitalVnd' ? formatVnd(String(value)) : formatInteger(value);
}

/** The approved reports, unit by unit, and the cluster's totals below them (exact, as the API sums). */
export function ResultsTotals({ results }: { results: Results }) {
  const { t } = useTranslation();
  const totals = results.totals as Record<Figure, string | number>;
  return (
    <section aria-labelledby="reports-totals">
      <Typography.Title level={2} id="reports-totals">
        {t('console.reports.totals.title', { year: results.cycle.year })}
      </Typography.Title>
      <Typography.Paragraph>
        {t('console.reports.totals.summary', {
          cooperatives: formatInteger(totals.cooperatives),
          capital: formatVnd(String(totals.charterCapitalVnd)),
          members: formatInteger(totals.membersAndWorkers),
          groups: formatInteger(totals.cooperativeGroups),
          groupMembers: formatInteger(totals.groupMembers),
          founded: formatInteger(totals.newCooperatives),
          admitted: formatInteger(totals.newMemberCooperatives),
        })}
      </Typography.Paragraph>
      <Table<UnitResults>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={results.units}
        locale={{ emptyText: <EmptyText>{t('console.reports.totals.empty')}</EmptyText> }}
        columns={[
          { key: 'unit', title: t('console.reports.units.unit'), dataIndex: 'unitName' },
          ...FIGURES.map((figure) => ({
            key: figure,
            title: t(`console.reports.figure.${figure}`),
            align: 'right' as const,
            render: (_: unknown, row: UnitResults) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatFigure(figure, row[figure])}</span>
            ),
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('console.reports.totals.total')}</strong>
            </Table.Summary.Cell>
            {FIGURES.map((figure, index) => (
              <Table.Summary.Cell key={figure} index={index + 1} align="right">
                <strong style={{ whiteSpace: 'nowrap' }}>{formatFigure(figure, totals[figure])}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </section>
  );
}
