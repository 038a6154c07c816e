import { useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { InvitationsSection } from './invitations-section';
import { MembersTable } from './members-table';

/** The cluster the clerk works on: its member units over time and its invitations. */
export function ClusterPage() {
  const { t } = useTranslation();
  const { clusterId } = useConsoleScope();
  const cluster = useQuery({
    queryKey: ['clusters', clusterId],
    queryFn: () => unwrap(api.GET('/api/v1/clusters/{id}', { params: { path: { id: clusterId! } } })),
    enabled: Boolean(clusterId),
  });

  if (!clusterId) return <Typography.Paragraph>{t('console.registry.noCluster')}</Typography.Paragraph>;
  return (
    <Flex vertical gap="large">
      <Typography.Title level={1}>{cluster.data?.name ?? t('console.registry.title')}</Typography.Title>
      <ProblemAlert error={cluster.error} />
      {cluster.isPending ? (
        <Spin description={t('console.registry.loading')} />
      ) : (
        cluster.data && (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'code', label: t('console.registry.cluster.code'), children: cluster.data.code },
              ...(cluster.data.description
                ? [
                    {
                      key: 'description',
                      label: t('console.registry.cluster.description'),
                      children: cluster.data.description,
                    },
                  ]
                : []),
            ]}
          />
        )
      )}
      <MembersTable clusterId={clusterId} />
      <InvitationsSection clusterId={clusterId} />
    </Flex>
  );
}
