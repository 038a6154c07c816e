import { Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { PersonName } from '../approvals/person-name';
import { HashText } from './hash-text';

// Entries have no id (their position, `seq`, names them); the paged list wants the optional field.
type Entry = Schemas['LedgerEntryDto'] & { id?: string };
const FILTERS = ['action', 'subjectType', 'subjectId'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** The ledger's entries the clerk may read (docs/read-model.md), newest first, filtered as the API allows. */
export function LedgerEntries() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.map((name) => [name, params.get(`ledger.${name}`) ?? undefined]).filter(([, value]) => value),
  );
  const [form] = Form.useForm<Filters>();
  const { tableProps, query } = usePagedList<Entry>(
    'ledger',
    ['ledger', 'entries', filters],
    ({ page, pageSize, sort }) =>
      unwrap(api.GET('/api/v1/ledger/entries', { params: { query: { page, pageSize, sort, ...filters } } })),
    { defaultSort: '-seq' },
  );

  const apply = (values: Filters) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of FILTERS) {
          const value = values[name]?.trim();
          if (value) next.set(`ledger.${name}`, value);
          else next.delete(`ledger.${name}`);
        }
        next.set('ledger.page', '1');
        return next;
      },
      { replace: true },
    );
  };

  const columns: ColumnsType<Entry> = [
    {
      key: 'seq',
      dataIndex: 'seq',
      title: t('console.records.entries.seq'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'seq'),
    },
    { key: 'when', title: t('console.records.entries.when'), render: (_, entry) => formatDateTime(entry.occurredAt) },
    { key: 'action', title: t('console.records.entries.action'), render: (_, entry) => <code>{entry.action}</code> },
    {
      key: 'subject',
      title: t('console.records.entries.subject'),
      render: (_, entry) => (
        <>
          <code>{entry.subjectType}</code> <code title={entry.subjectId}>{entry.subjectId.slice(0, 8)}</code>
        </>
      ),
    },
    {
      key: 'actor',
      title: t('console.records.entries.actor'),
      render: (_, entry) => (entry.actorId ? <PersonName id={entry.actorId} /> : t('console.records.entries.system')),
    },
    {
      key: 'payload',
      title: t('console.records.entries.payload'),
      render: (_, entry) =>
        entry.payloadWithheld ? (
          <Tag>{t('console.records.entries.withheldTag')}</Tag>
        ) : (
          t('console.records.entries.shown')
        ),
    },
  ];

  return (
    <section aria-labelledby="records-entries" className="records-section">
      <Typography.Title level={2} id="records-entries">
        {t('console.records.entries.heading')}
      </Typography.Title>
      <Form<Filters> form={form} name="ledger-filters" layout="inline" initialValues={filters} onFinish={apply}>
        <Form.Item name="action" label={t('console.records.entries.filterAction')}>
          <Input placeholder="cycles.phase_advanced" />
        </Form.Item>
        <Form.Item name="subjectType" label={t('console.records.entries.filterSubjectType')}>
          <Input placeholder="cycle" />
        </Form.Item>
        <Form.Item name="subjectId" label={t('console.records.entries.filterSubjectId')}>
          <Input />
        </Form.Item>
        <Space>
          <Button htmlType="submit">{t('console.records.entries.apply')}</Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ action: '', subjectType: '', subjectId: '' });
              apply({});
            }}
          >
            {t('console.records.entries.clear')}
          </Button>
        </Space>
      </Form>
      <Table<Entry>
        {...tableProps}
        rowKey="seq"
        columns={columns}
        size="small"
        locale={{ emptyText: t('console.records.entries.empty') }}
        expandable={{
          expandedRowRender: (entry) => (
            <div className="records-entry">
              {entry.payloadWithheld ? (
                <Typography.Paragraph>{t('console.records.entries.withheld')}</Typography.Paragraph>
              ) : (
                <pre>{JSON.stringify(entry.payload, null, 2)}</pre>
              )}
              <Typography.Paragraph>
                {t('console.records.entries.hash')} <HashText hash={entry.hash} />
              </Typography.Paragraph>
              <Typography.Paragraph>
                {t('console.records.entries.prevHash')} <HashText hash={entry.prevHash} />
              </Typography.Paragraph>
            </div>
          ),
        }}
      />
    </section>
  );
}
