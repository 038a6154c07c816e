import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { usePortalScope } from '../portal-scope';

type Request = Schemas['ApprovalRequestResponseDto'];

/** The requests the person can act on now (GET /approvals/pending), oldest first. */
export function ApprovalsInbox() {
  const { t } = useTranslation();
  const { units } = usePortalScope();
  const unitName = (id: string | null) =>
    id ? (units.find((unit) => unit.id === id)?.name ?? id) : t('portal.approvals.cluster');
  const { tableProps, query } = usePagedList<Request>(
    'pending',
    ['approvals', 'pending'],
    ({ page, pageSize, sort }) =>
      unwrap(api.GET('/api/v1/approvals/pending', { params: { query: { page, pageSize, sort } } })),
    { defaultSort: 'createdAt' },
  );
  return (
    <>
      <Typography.Title level={1}>{t('portal.approvals.title')}</Typography.Title>
      <Typography.Paragraph>{t('portal.approvals.intro')}</Typography.Paragraph>
      <Table<Request>
        {...tableProps}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('portal.approvals.empty')}</Typography.Text> }}
        columns={[
          {
            key: 'document',
            title: t('portal.approvals.columns.document'),
            render: (_, request) => (
              <Link to={request.id}>{t(`portal.approvals.workflows.${request.workflowKey}`)}</Link>
            ),
          },
          {
            key: 'unit',
            title: t('portal.approvals.columns.unit'),
            render: (_, request) => unitName(request.unitId),
          },
          {
            key: 'state',
            title: t('portal.approvals.columns.state'),
            render: (_, request) => t(`portal.approvals.states.${request.state}`),
          },
          {
            key: 'createdAt',
            title: t('portal.approvals.columns.since'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'createdAt'),
            render: (_, request) => formatDateTime(request.createdAt),
          },
        ]}
      />
    </>
  );
}
