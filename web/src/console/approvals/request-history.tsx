import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { stateName, transitionName } from './approval-labels';
import { PersonName } from './person-name';

type Act = Schemas['ApprovalActResponseDto'];

/** Every act on the request, oldest first, all rounds: who, when, what, and their comment. */
export function RequestHistory({ acts }: { acts: Act[] }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const columns: ColumnsType<Act> = [
    { key: 'when', title: t('console.approvals.history.when'), render: (_, act) => formatDateTime(act.createdAt) },
    { key: 'who', title: t('console.approvals.history.who'), render: (_, act) => <PersonName id={act.actorId} /> },
    {
      key: 'what',
      title: t('console.approvals.history.what'),
      render: (_, act) =>
        act.toState
          ? t('console.approvals.history.moved', {
              transition: transitionName(t, exists, act.transition),
              from: stateName(t, exists, act.fromState),
              to: stateName(t, exists, act.toState),
            })
          : t('console.approvals.history.counted', { transition: transitionName(t, exists, act.transition) }),
    },
    { key: 'round', title: t('console.approvals.history.round'), render: (_, act) => act.round },
    { key: 'comment', title: t('console.approvals.history.comment'), render: (_, act) => act.comment ?? '' },
  ];
  return (
    <section aria-labelledby="approval-history">
      <Typography.Title level={2} id="approval-history">
        {t('console.approvals.history.heading')}
      </Typography.Title>
      <Table<Act>
        rowKey="id"
        columns={columns}
        dataSource={acts}
        size="small"
        pagination={false}
        locale={{ emptyText: t('console.approvals.history.empty') }}
      />
    </section>
  );
}
