import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ReturnedNotice } from '../reports/returned-notice';
import { showDecimal } from './decimal';
import { ProgressForm } from './progress-form';

type UnitPledge = Schemas['UnitPledgeResponseDto'];
type Actual = Schemas['ProgressActualDto'];

/** Mid-year and year-end progress against the signed targets, and the unit's progress reports. */
export function ProgressSection({ unitPledge, canDraft }: { unitPledge: UnitPledge; canDraft: boolean }) {
  const { t } = useTranslation();
  const table = useQuery({
    queryKey: ['portal', 'pledge-progress', unitPledge.cycleId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cycles/{cycleId}/pledge-progress', { params: { path: { cycleId: unitPledge.cycleId } } }),
      ),
  });
  const reports = useQuery({
    queryKey: ['portal', 'progress-reports', unitPledge.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/unit-pledges/{id}/progress-reports', {
          params: { path: { id: unitPledge.id }, query: { pageSize: 100 } },
        }),
      ),
  });
  const row = table.data?.units.find((unit) => unit.unitPledgeId === unitPledge.id);
  const open = reports.data?.items.find((report) => report.status === 'draft' || report.status === 'submitted');
  const actual = (value?: Actual | null) =>
    value
      ? t('portal.pledges.progress.achieved', {
          actual: showDecimal(value.actualValue),
          percent: showDecimal(value.percentAchieved ?? '0'),
        })
      : t('portal.pledges.progress.none');

  return (
    <section aria-labelledby="portal-progress-title">
      <Typography.Title level={2} id="portal-progress-title">
        {t('portal.pledges.progress.title')}
      </Typography.Title>
      <Table
        rowKey="targetId"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={row?.targets ?? []}
        loading={table.isPending}
        columns={[
          { key: 'indicator', title: t('portal.pledges.col.indicator'), dataIndex: 'indicator' },
          {
            key: 'target',
            title: t('portal.pledges.col.targetValue'),
            render: (_, target) => `${showDecimal(target.targetValue)} ${target.unitOfMeasure}`,
          },
          {
            key: 'mid',
            title: t('portal.pledges.col.midYear'),
            render: (_, target) => actual(target.midYear as Actual),
          },
          {
            key: 'end',
            title: t('portal.pledges.col.yearEnd'),
            render: (_, target) => actual(target.yearEnd as Actual),
          },
        ]}
      />
      <Typography.Title level={3}>{t('portal.pledges.progress.reports')}</Typography.Title>
      <ul>
        {(reports.data?.items ?? []).map((report) => (
          <li key={report.id}>
            {t('portal.pledges.progress.report', {
              period: t(`portal.pledges.progress.period.${report.period}`),
              number: report.number,
            })}{' '}
            <Tag>{t(`portal.pledges.status.${report.status}`, { defaultValue: report.status })}</Tag>
          </li>
        ))}
      </ul>
      {open?.status === 'draft' && <ReturnedNotice approval={open.approval} />}
      {canDraft && open?.status === 'draft' && <ProgressForm key={open.id} unitPledge={unitPledge} report={open} />}
      {canDraft && !open && reports.data && (
        <>
          <Typography.Title level={3}>{t('portal.pledges.progress.new')}</Typography.Title>
          <ProgressForm key="new" unitPledge={unitPledge} />
        </>
      )}
      {!reports.data && reports.isPending ? null : !canDraft ? null : open?.status === 'submitted' ? (
        <Alert type="info" title={t('portal.pledges.status.submitted')} />
      ) : null}
    </section>
  );
}
