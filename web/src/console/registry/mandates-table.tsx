import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { PersonEmail, PersonName } from './person-name';

type Mandate = Schemas['MandateResponseDto'];

/** Every mandate of the unit, ended ones included, with who granted and who ended it. */
export function MandatesTable({ unitId, isAdmin }: { unitId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { tableProps, query } = usePagedList<Mandate>(
    'mandates',
    ['units', unitId, 'mandates'],
    ({ page, pageSize, sort }) =>
      unwrap(api.GET('/api/v1/mandates', { params: { query: { unitId, page, pageSize, sort } } })),
    { defaultSort: '-validFrom' },
  );
  const sortable = (key: string) => ({ key, dataIndex: key, sorter: true, sortOrder: sortOrderOf(query, key) });
  const columns: ColumnsType<Mandate> = [
    {
      key: 'person',
      title: t('console.registry.people.person'),
      render: (_, row) => <PersonName userId={row.userId} />,
    },
    {
      key: 'email',
      title: t('console.registry.people.email'),
      render: (_, row) => <PersonEmail userId={row.userId} />,
    },
    {
      ...sortable('role'),
      title: t('console.registry.people.role'),
      render: (value: string) => t(`console.registry.people.roleValue.${value}`),
    },
    {
      ...sortable('validFrom'),
      title: t('console.registry.people.validFrom'),
      render: (value: string) => formatDateTime(value),
    },
    {
      ...sortable('validTo'),
      title: t('console.registry.people.validTo'),
      render: (value: string | null) => (value ? formatDateTime(value) : t('console.registry.people.openEnded')),
    },
    {
      key: 'grantedBy',
      title: t('console.registry.people.grantedBy'),
      render: (_, row) => <PersonName userId={row.grantedBy} />,
    },
    {
      key: 'endedBy',
      title: t('console.registry.people.endedBy'),
      render: (_, row) => <PersonName userId={row.endedBy} />,
    },
  ];
  return (
    <section aria-labelledby="registry-people">
      <Typography.Title level={2} id="registry-people">
        {t('console.registry.people.heading')}
      </Typography.Title>
      <Table<Mandate> {...tableProps} columns={columns} size="small" scroll={{ x: true }} />
      {!isAdmin && <Alert type="info" role="note" showIcon title={t('console.registry.people.whyNoGrant')} />}
    </section>
  );
}
