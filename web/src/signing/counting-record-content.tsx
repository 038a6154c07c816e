import { Descriptions, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatDate, formatInteger } from '../format/format';

type Content = Schemas['CountingRecordResponseDto']['content'];
type Count = Content['counts'][number];

/**
 * The counting record (biên bản kiểm phiếu) as a person reads it before signing: the meeting, the
 * poll, the ballots, the count line by line and the board. Shared by the console and the portal.
 */
export function CountingRecordContent({ content }: { content: Content }) {
  const { t } = useTranslation();
  const lineOf = (count: Count) =>
    'unitName' in count ? count.unitName : t(`signing.countingRecord.${count.option === 'no' ? 'no' : 'yes'}`);
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      items={[
        { key: 'meeting', label: t('signing.countingRecord.meeting'), children: content.meeting.title },
        { key: 'heldOn', label: t('signing.countingRecord.heldOn'), children: formatDate(content.meeting.heldOn) },
        { key: 'poll', label: t('signing.countingRecord.poll'), children: content.poll.title },
        {
          key: 'ballots',
          label: t('signing.countingRecord.ballots'),
          children: t('signing.countingRecord.ballotsValue', { ...content.ballots }),
        },
        {
          key: 'counts',
          label: t('signing.countingRecord.counts'),
          children: (
            <List
              size="small"
              dataSource={content.counts}
              renderItem={(count) => (
                <List.Item>
                  {lineOf(count)}: {t('signing.countingRecord.votes', { votes: formatInteger(count.votes) })}
                </List.Item>
              )}
            />
          ),
        },
        {
          key: 'board',
          label: t('signing.countingRecord.board'),
          children: content.countingBoard.map((member) => member.fullName).join(', '),
        },
      ]}
    />
  );
}
