import { Alert, Badge, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';

type Membership = Schemas['MembershipResponseDto'];

/** Every membership of the cluster, past ones included: who joined when, who left when. */
export function MembersTable({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const { tableProps, query } = usePagedList<Membership>(
    'members',
    ['clusters', clusterId, 'memberships'],
    ({ page, pageSize, sort }) =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/memberships', {
          params: { path: { clusterId }, query: { page, pageSize, sort } },
        }),
      ),
    { defaultSort: 'joinedOn' },
  );
  const columns: ColumnsType<Membership> = [
    {
      key: 'unit',
      title: t('console.registry.members.unit'),
      render: (_, row) => <Link to={`units/${row.unitId}`}>{row.unit.name}</Link>,
    },
    { key: 'code', title: t('console.registry.members.code'), render: (_, row) => row.unit.code },
    {
      key: 'joinedOn',
      dataIndex: 'joinedOn',
      title: t('console.registry.members.joinedOn'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'joinedOn'),
      render: (value: string) => formatDate(value),
    },
    {
      key: 'leftOn',
      dataIndex: 'leftOn',
      title: t('console.registry.members.leftOn'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'leftOn'),
      render: (value: string | null) =>
        value ? formatDate(value) : <Badge status="success" text={t('console.registry.members.current')} />,
    },
  ];
  return (
    <section aria-labelledby="registry-members">
      <Typography.Title level={2} id="registry-members">
        {t('console.registry.members.heading')}
      </Typography.Title>
      <Table<Membership> {...tableProps} columns={columns} size="small" />
      <Alert type="info" role="note" showIcon title={t('console.registry.members.whyNoRemoval')} />
    </section>
  );
}
