import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatShare } from '../../format/format';

const SOURCED = ['quorum', 'awardQuorum', 'passingThreshold', 'maxBallotsPerRound'] as const;

/** The model rules' voting values (GET …/rules-defaults) with the texts they come from (docs/domain/rules-defaults.md). */
export function DefaultsTable({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const defaults = useQuery({
    queryKey: ['clusters', clusterId, 'rules-defaults'],
    queryFn: () => unwrap(api.GET('/api/v1/clusters/{clusterId}/rules-defaults', { params: { path: { clusterId } } })),
  });
  const voting = defaults.data?.content.voting;
  if (!voting) return null;
  const rows = SOURCED.map((field) => ({
    field,
    value: field === 'maxBallotsPerRound' ? String(voting[field]) : formatShare(voting[field]),
  }));
  return (
    <section aria-labelledby="rules-defaults">
      <Typography.Title level={3} id="rules-defaults">
        {t('console.rules.defaults.heading')}
      </Typography.Title>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            key: 'field',
            title: t('console.rules.defaults.field'),
            render: (_, row) => t(`console.rules.editor.${row.field}`),
          },
          { key: 'value', dataIndex: 'value', title: t('console.rules.defaults.value') },
          {
            key: 'source',
            title: t('console.rules.defaults.source'),
            render: (_, row) => t(`console.rules.defaults.sources.${row.field}`),
          },
        ]}
      />
    </section>
  );
}
