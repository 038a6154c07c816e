import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Flex, Form, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { sortOrderOf, usePagedList } from '../../ui/use-paged-list';
import { useConsoleScope } from '../console-scope';
import { CompareForm } from './compare-form';

type Summary = Schemas['RulesVersionSummaryDto'];
export const STATUS_BADGE = { draft: 'default', proposed: 'processing', adopted: 'success' } as const;

/** The cluster's rules versions, drafting a new one from the model rules, and choosing two to compare. */
export function VersionsPage() {
  const { t } = useTranslation();
  const { clusterId } = useConsoleScope();
  const { tableProps, query } = usePagedList<Summary>(
    'versions',
    ['clusters', clusterId, 'rules-versions'],
    ({ page, pageSize, sort }) =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/rules-versions', {
          params: { path: { clusterId: clusterId! }, query: { page, pageSize, sort } },
        }),
      ),
    { defaultSort: '-number', enabled: Boolean(clusterId) },
  );
  if (!clusterId) return <Typography.Paragraph>{t('console.rules.noCluster')}</Typography.Paragraph>;

  const sortable = (key: string) => ({ key, dataIndex: key, sorter: true, sortOrder: sortOrderOf(query, key) });
  const columns: ColumnsType<Summary> = [
    { ...sortable('number'), title: t('console.rules.list.number') },
    {
      key: 'title',
      title: t('console.rules.list.titleColumn'),
      render: (_, row) => (
        <Link to={row.id} aria-label={t('console.rules.list.open', { number: row.number })}>
          {row.title}
        </Link>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('console.rules.list.status'),
      render: (value: keyof typeof STATUS_BADGE) => (
        <Badge status={STATUS_BADGE[value] ?? 'default'} text={t(`console.rules.status.${value}`)} />
      ),
    },
    { ...sortable('createdAt'), title: t('console.rules.list.createdAt'), render: (v: string) => formatDate(v) },
    {
      ...sortable('adoptedAt'),
      title: t('console.rules.list.adoptedAt'),
      render: (v: string | null) => (v ? formatDate(v) : ''),
    },
  ];
  return (
    <Flex vertical gap="large">
      <Typography.Title level={1}>{t('console.rules.title')}</Typography.Title>
      <section aria-labelledby="rules-versions">
        <Typography.Title level={2} id="rules-versions">
          {t('console.rules.list.heading')}
        </Typography.Title>
        <Table<Summary> {...tableProps} columns={columns} size="small" />
      </section>
      <CreateVersion clusterId={clusterId} />
      <CompareForm clusterId={clusterId} />
    </Flex>
  );
}

function CreateVersion({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ title: string }>();
  const defaults = useQuery({
    queryKey: ['clusters', clusterId, 'rules-defaults'],
    queryFn: () => unwrap(api.GET('/api/v1/clusters/{clusterId}/rules-defaults', { params: { path: { clusterId } } })),
  });
  const create = useMutation({
    mutationFn: ({ title }: { title: string }) =>
      unwrap(
        api.POST('/api/v1/clusters/{clusterId}/rules-versions', {
          params: { path: { clusterId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { title },
        }),
      ),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: ['clusters', clusterId, 'rules-versions'] });
      void navigate(version.id);
    },
  });
  return (
    <section aria-labelledby="rules-create">
      <Typography.Title level={2} id="rules-create">
        {t('console.rules.create.heading')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('console.rules.create.explain', { maxPoints: defaults.data?.maxPoints ?? '…' })}
      </Typography.Paragraph>
      <ProblemAlert error={create.error} />
      <Form form={form} layout="inline" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="title"
          label={t('console.rules.create.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('console.rules.create.titleRequired') }]}
        >
          <Input style={{ width: 420 }} maxLength={300} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('console.rules.create.submit')}
        </Button>
      </Form>
    </section>
  );
}
