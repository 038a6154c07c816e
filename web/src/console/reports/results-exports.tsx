import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { saveAnswer, saveBlob } from './download-file';
import { FIGURES, type Figure } from './results-totals';

type Results = Schemas['CycleResultsResponseDto'];
type Format = 'csv' | 'xlsx' | 'pdf';

/**
 * CSV and the PDF record come from the API; the .xlsx is written in the browser from the very
 * figures on screen (the API has no .xlsx of the results), with exceljs loaded only when asked.
 */
export function ResultsExports({ cycleId, results }: { cycleId: string; results: Results }) {
  const { t } = useTranslation();
  const path = { cycleId };
  const exporting = useMutation({
    mutationFn: async (format: Format) => {
      if (format === 'csv') {
        await saveAnswer(
          api.GET('/api/v1/cycles/{cycleId}/results.csv', { params: { path }, parseAs: 'blob' }),
          `ket-qua-${results.cycle.year}.csv`,
        );
      } else if (format === 'pdf') {
        await saveAnswer(
          api.GET('/api/v1/cycles/{cycleId}/results.pdf', { params: { path }, parseAs: 'blob' }),
          `ket-qua-${results.cycle.year}.pdf`,
        );
      } else {
        saveBlob(await resultsWorkbook(results, (key) => t(key)), `ket-qua-${results.cycle.year}.xlsx`);
      }
    },
  });
  const busy = exporting.isPending ? exporting.variables : undefined;

  return (
    <section aria-labelledby="reports-exports">
      <Typography.Title level={2} id="reports-exports">
        {t('console.reports.exports.title')}
      </Typography.Title>
      <Space wrap>
        {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
          <Button
            key={format}
            loading={busy === format}
            disabled={Boolean(busy) && busy !== format}
            onClick={() => exporting.mutate(format)}
          >
            {t(`console.reports.exports.${format}`)}
          </Button>
        ))}
      </Space>
      <div role="status" aria-live="polite">
        {busy ? <Typography.Text>{t(`console.reports.exports.making.${busy}`)}</Typography.Text> : null}
      </div>
      <ProblemAlert error={exporting.error} />
    </section>
  );
}

/** The table of the CSV as a workbook: capital as exact text digits would lose nothing, so it is kept a string. */
async function resultsWorkbook(results: Results, t: (key: string) => string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(String(results.cycle.year));
  sheet.addRow([t('console.reports.units.unit'), ...FIGURES.map((figure) => t(`console.reports.figure.${figure}`))]);
  sheet.getRow(1).font = { bold: true };
  const cell = (figure: Figure, value: string | number) =>
    // Whole VND fit a double exactly below 2^53 (9 million billion); beyond, the digits stay text.
    figure === 'charterCapitalVnd' && BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER) ? String(value) : Number(value);
  for (const unit of results.units)
    sheet.addRow([unit.unitName, ...FIGURES.map((figure) => cell(figure, unit[figure]))]);
  const totals = results.totals as Record<Figure, string | number>;
  const total = sheet.addRow([
    t('console.reports.totals.total'),
    ...FIGURES.map((figure) => cell(figure, totals[figure])),
  ]);
  total.font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 40 : 22;
    if (index > 0) column.numFmt = '#,##0';
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
