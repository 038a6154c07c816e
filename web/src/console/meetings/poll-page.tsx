import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { meetingKeys, useMeetingEvents, useTurnout } from '../../meeting/queries';
import { ProblemAlert } from '../../ui/problem-alert';
import { CardHeading } from './card-heading';
import { CountingBoardPanel } from './counting-board-panel';
import { CountingRecordPanel } from './counting-record-panel';
import { CountingRecordSigning } from './counting-record-signing';
import { consoleMeetingKeys, usePoll, type Poll } from './meeting-queries';
import { PaperPanel } from './paper-panel';
import { PollResultPanel } from './poll-result-panel';

type Candidate = Schemas['PollCandidateDto'];

/** One poll, from draft to certified: candidates (the refused with their reason), the board, the roll, turnout, tally, record. */
export function PollPage() {
  const { meetingId = '', pollId = '' } = useParams();
  const { t } = useTranslation();
  const poll = usePoll(pollId);
  useMeetingEvents(meetingId, poll.isSuccess);
  if (poll.isPending) return <Typography.Paragraph role="status">{t('app.loading')}</Typography.Paragraph>;
  if (poll.isError) return <ProblemAlert error={poll.error} />;
  const data = poll.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/console/meetings/${meetingId}`}>{t('console.meetings.backToMeeting')}</Link>
      <Typography.Title level={1}>{data.title}</Typography.Title>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'kind', label: t('console.meetings.polls.kind'), children: t(`meeting.pollKind.${data.kind}`) },
          {
            key: 'method',
            label: t('console.meetings.polls.method'),
            children: t(`console.meetings.method.${data.method}`),
          },
          {
            key: 'round',
            label: t('console.meetings.polls.round'),
            children: t('meeting.round', { round: data.round }),
          },
          {
            key: 'status',
            label: t('console.meetings.polls.status'),
            children: <Tag>{t(`meeting.pollStatus.${data.status}`)}</Tag>,
          },
        ]}
      />
      {data.parentPollId && (
        <Link to={`/console/meetings/${meetingId}/polls/${data.parentPollId}`}>
          {t('console.meetings.poll.parent')}
        </Link>
      )}
      <Candidates poll={data} />
      <CountingBoardPanel poll={data} meetingId={meetingId} />
      <Lifecycle poll={data} meetingId={meetingId} />
      {data.method !== 'electronic' && data.status !== 'draft' && <PaperPanel poll={data} meetingId={meetingId} />}
      {data.result && <PollResultPanel poll={data} result={data.result} />}
      {data.runoffPollId && (
        <Link to={`/console/meetings/${meetingId}/polls/${data.runoffPollId}`}>
          {t('console.meetings.poll.runoff')}
        </Link>
      )}
      {(data.status === 'tallied' || data.status === 'certified') && <CountingRecordPanel poll={data} />}
      {data.status === 'tallied' && <CountingRecordSigning poll={data} />}
    </Space>
  );
}

function Candidates({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  if (poll.kind === 'motion') {
    return (
      <Card title={<CardHeading>{t('console.meetings.poll.motion')}</CardHeading>}>
        <Typography.Paragraph>{poll.motionText}</Typography.Paragraph>
      </Card>
    );
  }
  const eligible = poll.candidates.filter((c) => c.eligible);
  const refused = poll.candidates.filter((c) => !c.eligible);
  return (
    <Card title={<CardHeading>{t('console.meetings.poll.candidates')}</CardHeading>}>
      <Table<Candidate>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={eligible}
        columns={[
          { key: 'position', title: t('console.meetings.poll.position'), render: (_, c) => (c.position ?? 0) + 1 },
          { key: 'unit', title: t('console.meetings.register.unit'), dataIndex: 'unitName' },
          { key: 'score', title: t('console.meetings.poll.finalScore'), render: (_, c) => c.finalScore ?? '—' },
        ]}
      />
      {refused.length > 0 && (
        <section aria-labelledby="refused-title">
          <h3 id="refused-title">{t('console.meetings.poll.refused')}</h3>
          <ul>
            {refused.map((c) => (
              <li key={c.unitId}>
                <strong>{c.unitName}</strong>
                {': '}
                <RefusalReason candidate={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}

/** The rules' refusal in words: our sentence for its code, else the server's own reason. */
function RefusalReason({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const key = `delegate.refusal.${candidate.refusalCode}`;
  return <>{i18n.exists(key) ? t(key) : (candidate.refusalReason ?? '')}</>;
}

/** Open (the roll frozen, its size shown), live turnout, close, tally. */
function Lifecycle({ poll, meetingId }: { poll: Poll; meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const turnout = useTurnout(poll.status === 'open' || poll.status === 'closed' ? poll.id : undefined);
  const step = useMutation({
    mutationFn: (action: 'open' | 'close' | 'tally') => {
      const params = { params: { path: { id: poll.id } }, body: { expectedVersion: poll.version } };
      if (action === 'open') return unwrap(api.POST('/api/v1/polls/{id}/open', params));
      if (action === 'close') return unwrap(api.POST('/api/v1/polls/{id}/close', params));
      return unwrap(api.POST('/api/v1/polls/{id}/tally', params));
    },
    onSuccess: (updated) => queryClient.setQueryData(consoleMeetingKeys.poll(poll.id), updated),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.polls(meetingId) }),
  });
  const action =
    poll.status === 'draft' ? 'open' : poll.status === 'open' ? 'close' : poll.status === 'closed' ? 'tally' : null;
  return (
    <Card title={<CardHeading>{t('console.meetings.poll.voting')}</CardHeading>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {poll.openedAt && (
          <Typography.Paragraph>
            {t('console.meetings.poll.rollFrozen', {
              at: formatDateTime(poll.openedAt),
              size: poll.rollSize ?? 0,
              present: poll.presentCount ?? 0,
              members: poll.memberCount ?? 0,
            })}
          </Typography.Paragraph>
        )}
        {turnout.data && (
          <Typography.Paragraph aria-live="polite" strong>
            {t('meeting.turnout', { voted: turnout.data.voted, entitled: turnout.data.entitled ?? 0 })}
          </Typography.Paragraph>
        )}
        {poll.closedAt && (
          <Typography.Paragraph>
            {t('console.meetings.poll.closedAt', { at: formatDateTime(poll.closedAt), ballots: poll.ballotsCast ?? 0 })}
          </Typography.Paragraph>
        )}
        {action && (
          <Button type="primary" onClick={() => step.mutate(action)} loading={step.isPending}>
            {t(`console.meetings.poll.action.${action}`)}
          </Button>
        )}
        {action === 'open' && <Typography.Text type="secondary">{t('console.meetings.poll.openHelp')}</Typography.Text>}
        <ProblemAlert error={step.error} />
      </Space>
    </Card>
  );
}
