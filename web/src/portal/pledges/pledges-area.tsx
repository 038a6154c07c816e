import { Alert, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem-alert';
import { useCurrentPledge, useUnitPledge } from '../home/todo-queries';
import { usePortalScope } from '../portal-scope';
import { ReturnedNotice, returnOf, useApprovalRequest } from '../reports/returned-notice';
import { showDecimal } from './decimal';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { ProgressSection } from './progress-section';
import { TargetsForm } from './targets-form';
import '../home/officer.css';

registerMessages({ vi, en });

/** `/portal/pledges`: the cluster's shared pledge, the unit's targets (draft, submit), progress against them. */
export default function PledgesArea() {
  const { t } = useTranslation();
  const { unit, cycle, hasRole } = usePortalScope();
  const pledge = useCurrentPledge(cycle?.id);
  const mine = pledge.data?.units.find((item) => item.unit.id === unit?.id);
  const unitPledge = useUnitPledge(mine?.unitPledgeId);
  const request = useApprovalRequest(unitPledge.data?.status === 'draft' ? unitPledge.data.approval : null);
  const canDraft = hasRole('officer');

  const body = () => {
    if (!cycle || !unit) return <Alert type="info" title={t('portal.pledges.noCycle')} />;
    if (pledge.isPending) return <Spin description={t('portal.pledges.loading')} />;
    if (pledge.error) return <ProblemAlert error={pledge.error} />;
    if (!pledge.data || !mine) return <Alert type="info" title={t('portal.pledges.noPledge')} />;
    if (unitPledge.error) return <ProblemAlert error={unitPledge.error} />;
    if (!unitPledge.data) return <Spin description={t('portal.pledges.loading')} />;
    const status = returnOf(request.data) ? 'returned' : unitPledge.data.status;
    return (
      <Space orientation="vertical" size="middle" className="portal-block">
        <section aria-labelledby="portal-shared-title">
          <Typography.Title level={2} id="portal-shared-title">
            {t('portal.pledges.shared')}
          </Typography.Title>
          <Typography.Paragraph className="portal-shared-text">{pledge.data.sharedText}</Typography.Paragraph>
        </section>
        <section aria-labelledby="portal-targets-title">
          <Typography.Title level={2} id="portal-targets-title">
            {t('portal.pledges.targets')} <Tag>{t(`portal.pledges.status.${status}`, { defaultValue: status })}</Tag>
          </Typography.Title>
          {unitPledge.data.status === 'draft' && <ReturnedNotice approval={unitPledge.data.approval} />}
          {canDraft && unitPledge.data.status === 'draft' ? (
            <TargetsForm key={unitPledge.data.version} unitPledge={unitPledge.data} />
          ) : (
            <>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: 560 }}
                dataSource={unitPledge.data.targets}
                columns={[
                  { key: 'indicator', title: t('portal.pledges.col.indicator'), dataIndex: 'indicator' },
                  { key: 'unit', title: t('portal.pledges.col.unitOfMeasure'), dataIndex: 'unitOfMeasure' },
                  {
                    key: 'target',
                    title: t('portal.pledges.col.targetValue'),
                    render: (_, target) => showDecimal(target.targetValue),
                  },
                  {
                    key: 'baseline',
                    title: t('portal.pledges.col.baseline'),
                    render: (_, target) => showDecimal(target.baseline),
                  },
                ]}
              />
              <Typography.Paragraph className="portal-muted">{t('portal.pledges.lockedNote')}</Typography.Paragraph>
            </>
          )}
        </section>
        {unitPledge.data.status === 'signed' ? (
          <ProgressSection unitPledge={unitPledge.data} canDraft={canDraft} />
        ) : (
          <Typography.Paragraph className="portal-muted">{t('portal.pledges.progress.notSigned')}</Typography.Paragraph>
        )}
      </Space>
    );
  };

  return (
    <section aria-labelledby="portal-pledges-title" className="portal-page">
      <Typography.Title level={1} id="portal-pledges-title">
        {t('portal.pledges.title', { year: cycle?.year ?? '' })}
      </Typography.Title>
      {body()}
    </section>
  );
}
