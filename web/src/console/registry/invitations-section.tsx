import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Popconfirm, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { InviteForm } from './invite-form';

type Invitation = Schemas['InvitationResponseDto'];
const STATUS_BADGE = {
  pending: 'warning',
  accepted: 'success',
  declined: 'error',
  withdrawn: 'default',
} as const;

/** The invitations of the cluster (the unit's head answers them), with withdrawing a pending one. */
export function InvitationsSection({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { tableProps, query } = usePagedList<Invitation>(
    'invitations',
    ['clusters', clusterId, 'invitations'],
    ({ page, pageSize, sort }) =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/invitations', {
          params: { path: { clusterId }, query: { page, pageSize, sort } },
        }),
      ),
    { defaultSort: '-createdAt' },
  );
  const withdraw = useMutation({
    mutationFn: (invitation: Invitation) =>
      unwrap(
        api.POST('/api/v1/invitations/{id}/withdraw', {
          params: { path: { id: invitation.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      ),
    onSuccess: (invitation) => {
      void message.success(t('console.registry.invitations.withdrawn', { unit: invitation.unit.name }));
      void queryClient.invalidateQueries({ queryKey: ['clusters', clusterId, 'invitations'] });
    },
  });

  const sortable = (key: string) => ({ key, dataIndex: key, sorter: true, sortOrder: sortOrderOf(query, key) });
  const columns: ColumnsType<Invitation> = [
    { key: 'unit', title: t('console.registry.invitations.unit'), render: (_, row) => row.unit.name },
    {
      ...sortable('joinedOn'),
      title: t('console.registry.invitations.joinedOn'),
      render: (value: string) => formatDate(value),
    },
    {
      ...sortable('status'),
      title: t('console.registry.invitations.status'),
      render: (value: string) => (
        <Badge
          status={STATUS_BADGE[value as keyof typeof STATUS_BADGE] ?? 'default'}
          text={t(`console.registry.invitations.statusValue.${value}`)}
        />
      ),
    },
    { key: 'note', dataIndex: 'note', title: t('console.registry.invitations.note') },
    {
      ...sortable('createdAt'),
      title: t('console.registry.invitations.createdAt'),
      render: (value: string) => formatDate(value),
    },
    {
      key: 'actions',
      title: t('console.registry.invitations.actions'),
      render: (_, row) =>
        row.status === 'pending' && (
          <Popconfirm
            title={t('console.registry.invitations.withdrawConfirm', { unit: row.unit.name })}
            onConfirm={() => withdraw.mutate(row)}
          >
            <Button size="small" loading={withdraw.isPending && withdraw.variables?.id === row.id}>
              {t('console.registry.invitations.withdraw')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <section aria-labelledby="registry-invitations">
      <Typography.Title level={2} id="registry-invitations">
        {t('console.registry.invitations.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.registry.invitations.explain')}</Typography.Paragraph>
      <ProblemAlert error={withdraw.error} />
      <Table<Invitation> {...tableProps} columns={columns} size="small" />
      <InviteForm clusterId={clusterId} />
    </section>
  );
}
