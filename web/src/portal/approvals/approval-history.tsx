import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';

/** Every act on the request, oldest first, with its comment. */
export function ApprovalHistory({ acts }: { acts: Schemas['ApprovalActResponseDto'][] }) {
  const { t } = useTranslation();
  const state = (value: string | null) => (value ? t(`portal.approvals.states.${value}`) : '…');
  return (
    <section aria-labelledby="approval-history-title">
      <Typography.Title level={2} id="approval-history-title">
        {t('portal.approvals.request.history')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={acts}
        locale={{
          emptyText: <Typography.Text type="secondary">{t('portal.approvals.request.noHistory')}</Typography.Text>,
        }}
        renderItem={(act) => (
          <List.Item>
            <List.Item.Meta
              title={t('portal.approvals.request.act', {
                at: formatDateTime(act.createdAt),
                transition: t(`portal.approvals.transitions.${act.transition}`),
                round: act.round,
              })}
              description={
                <>
                  {t('portal.approvals.request.moved', { from: state(act.fromState), to: state(act.toState) })}
                  {act.delegationId && <Tag style={{ marginLeft: 8 }}>{t('portal.approvals.request.delegated')}</Tag>}
                  {act.comment && <Typography.Paragraph>{act.comment}</Typography.Paragraph>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}
