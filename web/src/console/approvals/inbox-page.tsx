import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { useUnitNames } from '../year/cycle-data';
import { useConsoleScope } from '../console-scope';
import { stateName, workflowName } from './approval-labels';

type Request = Schemas['ApprovalRequestResponseDto'];

/** Every request the clerk can act on now (`GET /approvals/pending`), server-paginated and sorted. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const scope = useConsoleScope();
  const unitNames = useUnitNames(scope.clusterId);
  const { tableProps, query } = usePagedList<Request>(
    'inbox',
    ['approvals', 'pending'],
    ({ page, pageSize, sort }) =>
      unwrap(api.GET('/api/v1/approvals/pending', { params: { query: { page, pageSize, sort } } })),
    { defaultSort: 'createdAt' },
  );
  const columns: ColumnsType<Request> = [
    {
      key: 'workflow',
      title: t('console.approvals.columns.document'),
      render: (_, row) => <Link to={row.id}>{workflowName(t, exists, row.workflowKey)}</Link>,
    },
    {
      key: 'unit',
      title: t('console.approvals.columns.unit'),
      render: (_, row) => (row.unitId ? (unitNames.get(row.unitId) ?? '…') : t('console.approvals.wholeCluster')),
    },
    { key: 'state', title: t('console.approvals.columns.state'), render: (_, row) => stateName(t, exists, row.state) },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('console.approvals.columns.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'createdAt'),
      render: (value: string) => formatDateTime(value),
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('console.approvals.columns.updatedAt'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'updatedAt'),
      render: (value: string) => formatDateTime(value),
    },
  ];
  return (
    <div>
      <Typography.Title level={1}>{t('console.menu.approvals')}</Typography.Title>
      <Typography.Paragraph>{t('console.approvals.intro')}</Typography.Paragraph>
      <Table<Request>
        {...tableProps}
        columns={columns}
        size="small"
        locale={{ emptyText: t('console.approvals.empty') }}
      />
    </div>
  );
}
