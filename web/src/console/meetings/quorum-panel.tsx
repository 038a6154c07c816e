import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../../format/format';
import type { Quorum } from '../../meeting/queries';
import { ProblemAlert } from '../../ui/problem-alert';
import { CardHeading } from './card-heading';

/** The live quorum (follows the meeting's stream): who is present, and both quorums of the pinned rules. */
export function QuorumPanel({ quorum, error }: { quorum?: Quorum; error: unknown }) {
  const { t } = useTranslation();
  return (
    <Card title={<CardHeading id="quorum-title">{t('meeting.quorum.title')}</CardHeading>}>
      <ProblemAlert error={error} />
      {quorum && (
        <div aria-live="polite" aria-labelledby="quorum-title" role="region">
          <Typography.Paragraph strong>
            {t('meeting.quorum.present', { present: quorum.present, members: quorum.members })}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={(['quorum', 'awardQuorum'] as const).map((rule) => ({
              key: rule,
              label: t(`console.meetings.quorum.${rule}`, { share: formatShare(quorum[rule].required) }),
              children: (
                <Tag>
                  {t(quorum[rule].met ? 'console.meetings.quorum.met' : 'console.meetings.quorum.notMet', {
                    units: quorum[rule].requiredUnits,
                  })}
                </Tag>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}
