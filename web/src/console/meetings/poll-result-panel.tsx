import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDecimal, formatShare } from '../../format/format';
import { CardHeading } from './card-heading';
import type { Poll } from './meeting-queries';

type Result = Schemas['PollResultDto'];
type Option = Schemas['PollResultOptionDto'];

/** The tally: outcome, each option's votes against the threshold and its base, ties and the rule that broke them. */
export function PollResultPanel({ poll, result }: { poll: Poll; result: Result }) {
  const { t, i18n } = useTranslation();
  const byId = new Map(poll.candidates.map((c) => [c.unitId, c.unitName]));
  const name = (id: string) =>
    id === 'yes' || id === 'no' ? t(`projector.option.${id}`) : (byId.get(id) ?? t('projector.result.unknownUnit'));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const names = (ids: string[]) => list.format(ids.map(name));
  const options = [...result.options].sort((a, b) => b.votes - a.votes || a.position - b.position);
  return (
    <Card title={<CardHeading>{t('console.meetings.result.title')}</CardHeading>}>
      <Typography.Paragraph strong>
        {t(`projector.outcome.${result.outcome}`, {
          names: names(result.outcome === 'runoff' ? result.runoff : result.winners),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('projector.result.threshold', {
          threshold: formatShare(result.threshold),
          base: t(`projector.base.${result.base.kind}`, { value: formatDecimal(result.base.value) }),
          votesNeeded: formatDecimal(result.votesNeeded),
        })}
      </Typography.Paragraph>
      <Table<Option>
        rowKey="position"
        size="small"
        pagination={false}
        dataSource={options}
        columns={[
          {
            key: 'option',
            title: t(poll.kind === 'motion' ? 'projector.result.option' : 'projector.result.candidate'),
            render: (_, option) => name(option.unitId ?? option.option ?? ''),
          },
          { key: 'votes', title: t('projector.result.votes'), dataIndex: 'votes' },
          {
            key: 'passes',
            title: t('projector.result.passes'),
            render: (_, option) => t(option.passes ? 'projector.result.passesYes' : 'projector.result.passesNo'),
          },
        ]}
      />
      <Typography.Paragraph>
        {t('projector.result.ballots', {
          ballots: result.ballots,
          valid: result.valid,
          abstentions: result.abstentions,
          invalid: result.invalid,
        })}
      </Typography.Paragraph>
      {!result.quorum.met && (
        <Typography.Paragraph>
          {t('projector.result.quorumNotMet', {
            present: result.quorum.present,
            members: result.quorum.members,
            share: formatShare(result.quorum.required),
          })}
        </Typography.Paragraph>
      )}
      {(result.tieBreaks.length > 0 || result.unresolvedTie) && (
        <section aria-labelledby="ties-title">
          <h3 id="ties-title">{t('projector.ties.title')}</h3>
          <ul>
            {result.tieBreaks.map((step, index) => (
              <li key={index}>
                {t('projector.ties.broken', {
                  among: names(step.among),
                  rule: t(`projector.tieBreakRule.${step.decidedBy}`),
                  selected: names(step.selected),
                })}
              </li>
            ))}
            {result.unresolvedTie && (
              <li>{t('projector.ties.unresolved', { among: names(result.unresolvedTie.among) })}</li>
            )}
          </ul>
        </section>
      )}
    </Card>
  );
}
