import { useQuery } from '@tanstack/react-query';
import { Flex, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../ui/problem-alert';
import { contentChanges, type ContentChange } from './content-diff';
import { rulesVersionQuery } from './rules-queries';

/** Two versions side by side: each value that changed, with its place in the rules. */
export function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const left = useQuery({ ...rulesVersionQuery(params.get('left') ?? ''), enabled: params.has('left') });
  const right = useQuery({ ...rulesVersionQuery(params.get('right') ?? ''), enabled: params.has('right') });
  const shown = (value: unknown) =>
    value === undefined || value === null ? t('console.rules.compare.empty') : String(value);

  const changes = left.data && right.data ? contentChanges(left.data.content, right.data.content) : [];
  const title = (side: typeof left) => (side.data ? `${side.data.number}. ${side.data.title}` : '');
  return (
    <Flex vertical gap="large">
      <Link to="/console/rules">{t('console.rules.compare.back')}</Link>
      <Typography.Title level={1}>{t('console.rules.compare.heading')}</Typography.Title>
      <ProblemAlert error={left.error ?? right.error} />
      {left.isPending || right.isPending ? (
        <Spin description={t('console.rules.loading')} />
      ) : (
        <>
          <Typography.Paragraph>
            {changes.length
              ? t('console.rules.compare.count', { count: changes.length })
              : t('console.rules.compare.none')}
          </Typography.Paragraph>
          <Table<ContentChange>
            rowKey="path"
            size="small"
            pagination={false}
            dataSource={changes}
            columns={[
              { key: 'path', dataIndex: 'path', title: t('console.rules.compare.field') },
              { key: 'left', title: title(left), render: (_, row) => shown(row.left) },
              { key: 'right', title: title(right), render: (_, row) => shown(row.right) },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
