import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatInteger } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { EmptyText } from '../../ui/readable';

type Progress = Schemas['PledgeProgressResponseDto'];
type Actual = Schemas['ProgressActualDto'];

interface Row {
  key: string;
  unitName: string;
  indicator: string;
  unitOfMeasure: string;
  targetValue: string;
  midYear: Actual | null;
  yearEnd: Actual | null;
}

/** '1269.50' → '1.269,5' (vi): decimal strings shown exactly, never through a float. */
export function formatDecimalString(value: string, language: string): string {
  const [whole, fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const grouped = language === 'en' ? BigInt(whole).toLocaleString('en-GB') : formatInteger(whole);
  return trimmed ? `${grouped}${language === 'en' ? '.' : ','}${trimmed}` : grouped;
}

/** Progress against the signed targets: the latest approved mid-year and year-end values of each unit. */
export function PledgeProgress({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const progress = useQuery({
    queryKey: ['cycles', cycleId, 'pledge-progress'],
    queryFn: () => unwrap(api.GET('/api/v1/cycles/{cycleId}/pledge-progress', { params: { path: { cycleId } } })),
  });
  const rows: Row[] = (progress.data?.units ?? ([] as Progress['units'])).flatMap((unit) =>
    unit.targets.map((target) => ({
      key: target.targetId,
      unitName: unit.unit.name,
      indicator: target.indicator,
      unitOfMeasure: target.unitOfMeasure,
      targetValue: target.targetValue,
      midYear: target.midYear as Actual | null,
      yearEnd: target.yearEnd as Actual | null,
    })),
  );
  const actual = (value: Actual | null) =>
    value
      ? value.percentAchieved
        ? t('console.pledges.progress.actualWithShare', {
            value: formatDecimalString(value.actualValue, i18n.language),
            share: formatDecimalString(value.percentAchieved, i18n.language),
          })
        : formatDecimalString(value.actualValue, i18n.language)
      : t('console.pledges.progress.none');

  return (
    <section aria-labelledby="pledges-progress">
      <Typography.Title level={2} id="pledges-progress">
        {t('console.pledges.progress.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.pledges.progress.lead')}</Typography.Paragraph>
      <ProblemAlert error={progress.error} />
      <Table<Row>
        rowKey="key"
        size="small"
        loading={progress.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{t('console.pledges.progress.empty')}</EmptyText> }}
        columns={[
          { key: 'unit', title: t('console.pledges.units.unit'), dataIndex: 'unitName' },
          { key: 'indicator', title: t('console.pledges.progress.indicator'), dataIndex: 'indicator' },
          {
            key: 'target',
            title: t('console.pledges.progress.target'),
            align: 'right',
            render: (_, row) => `${formatDecimalString(row.targetValue, i18n.language)} ${row.unitOfMeasure}`,
          },
          {
            key: 'midYear',
            title: t('console.pledges.progress.midYear'),
            align: 'right',
            render: (_, row) => actual(row.midYear),
          },
          {
            key: 'yearEnd',
            title: t('console.pledges.progress.yearEnd'),
            align: 'right',
            render: (_, row) => actual(row.yearEnd),
          },
        ]}
      />
    </section>
  );
}
