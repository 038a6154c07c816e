import { List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePortalScope } from '../portal-scope';
import type { CountingRecordItem } from './use-counting-records';
import { useSigningQueue, type HandoverItem, type PledgeItem } from './use-signing-queue';

/** The list of the documents to sign (the unit's, the counting boards'), the waiting ones marked. */
export function SigningInbox() {
  const { t } = useTranslation();
  const { cycle } = usePortalScope();
  const queue = useSigningQueue();
  return (
    <>
      <Typography.Title level={1}>{t('portal.signing.title')}</Typography.Title>
      <Typography.Paragraph>{t('portal.signing.intro')}</Typography.Paragraph>
      {!cycle && <Typography.Paragraph>{t('portal.signing.noCycle')}</Typography.Paragraph>}
      <ProblemAlert error={queue.error} />
      {queue.isLoading ? (
        <Spin description={t('app.loading')} />
      ) : (
        <List
          bordered
          dataSource={queue.items}
          locale={{ emptyText: <Typography.Text type="secondary">{t('portal.signing.empty')}</Typography.Text> }}
          renderItem={(item) => (
            <List.Item>
              {item.kind === 'pledge' ? (
                <PledgeLine item={item} />
              ) : item.kind === 'handover' ? (
                <HandoverLine item={item} />
              ) : (
                <CountingRecordLine item={item} />
              )}
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function PledgeLine({ item }: { item: PledgeItem }) {
  const { t } = useTranslation();
  const { cycle } = usePortalScope();
  const status = item.unit.status === 'signed' ? 'signed' : item.unit.status === 'approved' ? 'waiting' : 'notReady';
  return (
    <>
      <Link to={`pledge/${item.unit.unitPledgeId}`}>
        {t('portal.signing.pledge.item', { unit: item.unit.unit.name, year: cycle?.year, number: item.pledge.number })}
      </Link>
      <Tag>{t(`portal.signing.status.${status}`)}</Tag>
    </>
  );
}

function HandoverLine({ item }: { item: HandoverItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`handover/${item.handover.id}/${item.step}`}>
        {t('portal.signing.handover.item', {
          step: t(`portal.signing.handover.${item.step}`),
          from: item.handover.from.name,
          to: item.handover.to.name,
        })}
      </Link>
      <Tag>{t('portal.signing.status.waiting')}</Tag>
    </>
  );
}

function CountingRecordLine({ item }: { item: CountingRecordItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`counting-record/${item.poll.id}`}>
        {t('portal.signing.countingRecord.item', {
          poll: item.record.content.poll.title,
          meeting: item.record.content.meeting.title,
        })}
      </Link>
      <Tag>{t(`portal.signing.status.${item.signed ? 'signed' : 'waiting'}`)}</Tag>
    </>
  );
}
