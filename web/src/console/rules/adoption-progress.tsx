import { useQuery } from '@tanstack/react-query';
import { Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { PersonName } from '../registry/person-name';

type Act = Schemas['ApprovalActResponseDto'];

/**
 * The adoption's progress from its approval request: k of n heads, who acted and what they said.
 * While the version awaits the heads the clerk watches it move (read again every few seconds).
 */
export function AdoptionProgress({ requestId, waiting }: { requestId: string; waiting: boolean }) {
  const { t } = useTranslation();
  const request = useQuery({
    queryKey: ['approvals', requestId],
    queryFn: () => unwrap(api.GET('/api/v1/approvals/{id}', { params: { path: { id: requestId } } })),
    refetchInterval: waiting ? 3000 : false,
  });
  const data = request.data;
  const inRound = (data?.acts ?? []).filter((act) => act.round === data?.round && act.transition === 'adopt');
  return (
    <section aria-labelledby="rules-adoption">
      <Typography.Title level={2} id="rules-adoption">
        {t('console.rules.adoption.heading')}
      </Typography.Title>
      <ProblemAlert error={request.error} />
      {data && (
        <>
          <Typography.Paragraph role="status">
            {t('console.rules.adoption.round', { round: data.round })} —{' '}
            {t('console.rules.adoption.progress', { done: inRound.length, required: data.approvalsRequired })}
          </Typography.Paragraph>
          <Progress
            percent={Math.round((100 * Math.min(inRound.length, data.approvalsRequired)) / data.approvalsRequired)}
            showInfo={false}
            aria-label={t('console.rules.adoption.progress', {
              done: inRound.length,
              required: data.approvalsRequired,
            })}
          />
          <Typography.Title level={3}>{t('console.rules.adoption.acts')}</Typography.Title>
          <Table<Act>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.acts}
            locale={{ emptyText: t('console.rules.adoption.none') }}
            columns={[
              {
                key: 'who',
                title: t('console.rules.adoption.who'),
                render: (_, act) => <PersonName userId={act.actorId} />,
              },
              {
                key: 'act',
                title: t('console.rules.adoption.act'),
                render: (_, act) => t(`console.rules.adoption.transition.${act.transition}`, act.transition),
              },
              { key: 'comment', dataIndex: 'comment', title: t('console.rules.adoption.comment') },
              {
                key: 'when',
                dataIndex: 'createdAt',
                title: t('console.rules.adoption.when'),
                render: (value: string) => formatDateTime(value),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
