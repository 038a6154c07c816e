import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { RevokeDelegationModal } from './revoke-delegation-modal';

type Delegation = Schemas['DelegationResponseDto'];

function statusOf(delegation: Delegation): 'active' | 'revoked' | 'upcoming' | 'ended' {
  if (delegation.revokedAt) return 'revoked';
  if (delegation.active) return 'active';
  return new Date(delegation.validFrom).getTime() > Date.now() ? 'upcoming' : 'ended';
}

/** The unit's delegations, newest window first, each revocable while it has not ended. */
export function DelegationsTable({ unitId, nameOf }: { unitId: string; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<Delegation>();
  const { tableProps, query, refetch } = usePagedList<Delegation>(
    'delegations',
    ['delegations', unitId],
    ({ page, pageSize, sort }) =>
      unwrap(api.GET('/api/v1/delegations', { params: { query: { unitId, page, pageSize, sort } } })),
    { defaultSort: '-validFrom' },
  );
  return (
    <section aria-labelledby="delegations-list-title">
      <Typography.Title level={2} id="delegations-list-title">
        {t('portal.delegations.list.title')}
      </Typography.Title>
      <Table<Delegation>
        {...tableProps}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('portal.delegations.list.empty')}</Typography.Text> }}
        columns={[
          { key: 'delegate', title: t('portal.delegations.list.delegate'), render: (_, d) => nameOf(d.delegateId) },
          { key: 'delegator', title: t('portal.delegations.list.delegator'), render: (_, d) => nameOf(d.delegatorId) },
          {
            key: 'validFrom',
            title: t('portal.delegations.list.window'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'validFrom'),
            render: (_, d) =>
              t('portal.delegations.list.windowValue', {
                from: formatDateTime(d.validFrom),
                to: formatDateTime(d.validTo),
              }),
          },
          { key: 'reason', title: t('portal.delegations.list.reason'), render: (_, d) => d.reason },
          {
            key: 'status',
            title: t('portal.delegations.list.status'),
            render: (_, d) => {
              const status = statusOf(d);
              return (
                <Tag>
                  {t(`portal.delegations.list.${status}`, { at: d.revokedAt ? formatDateTime(d.revokedAt) : '' })}
                </Tag>
              );
            },
          },
          {
            key: 'actions',
            title: t('portal.delegations.list.actions'),
            render: (_, d) =>
              statusOf(d) === 'active' || statusOf(d) === 'upcoming' ? (
                <Button danger onClick={() => setRevoking(d)}>
                  {t('portal.delegations.list.revoke', { name: nameOf(d.delegateId) })}
                </Button>
              ) : null,
          },
        ]}
      />
      {revoking && (
        <RevokeDelegationModal
          delegation={revoking}
          delegateName={nameOf(revoking.delegateId)}
          onClose={() => setRevoking(undefined)}
          onRevoked={refetch}
        />
      )}
    </section>
  );
}
