import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap } from '../../api/client';
import { registerMessages } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { CustodyTimeline } from './custody-timeline';
import { FlagPhoto } from './flag-photo';
import { flagKeys } from './flag-keys';
import { HandoverPanel } from './handover-panel';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { RegisterFlagForm } from './register-flag-form';

registerMessages({ vi, en });

/**
 * The cluster's rotating flag: registering it when the cluster has none, its photo, who holds it, its
 * custody chain, the handover under way, incidents.
 */
export default function FlagArea() {
  const { t } = useTranslation();
  const { clusterId } = useConsoleScope();
  const flag = useQuery({
    queryKey: flagKeys.ofCluster(clusterId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/clusters/{id}/flag', { params: { path: { id: clusterId! } } })),
    enabled: Boolean(clusterId),
    retry: false,
  });
  const chain = useQuery({
    queryKey: flagKeys.custody(flag.data?.id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/flags/{id}/custody', { params: { path: { id: flag.data!.id } } })),
    enabled: flag.isSuccess,
  });
  const none = flag.error instanceof ApiProblem && flag.error.code === 'flag_not_found';
  return (
    <>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={1}>{t('console.flag.title')}</Typography.Title>
        {none ? (
          <>
            <Alert type="info" showIcon title={t('console.flag.none')} />
            {clusterId && <RegisterFlagForm clusterId={clusterId} />}
          </>
        ) : (
          <ProblemAlert error={flag.error ?? chain.error} />
        )}
        {flag.data && (
          <>
            <Typography.Title level={2}>{flag.data.name}</Typography.Title>
            {flag.data.description && <Typography.Paragraph>{flag.data.description}</Typography.Paragraph>}
            <Typography.Paragraph strong aria-live="polite">
              {flag.data.custody.state === 'held'
                ? t('console.flag.heldBy', { unit: flag.data.custody.custodian?.name ?? '' })
                : t('console.flag.inTransit')}
            </Typography.Paragraph>
            <FlagPhoto flag={flag.data} />
            <HandoverPanel flag={flag.data} handovers={chain.data?.handovers ?? []} />
            {chain.data && <CustodyTimeline chain={chain.data} />}
          </>
        )}
      </Space>
    </>
  );
}
