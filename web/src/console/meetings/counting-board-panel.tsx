import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { useQuorum } from '../../meeting/queries';
import { ProblemAlert } from '../../ui/problem-alert';
import { CardHeading } from './card-heading';
import { useConsoleScope } from '../console-scope';
import { consoleMeetingKeys, useMemberUnits, type Poll } from './meeting-queries';
import { PersonName, usePeopleNames } from './person-name';

type Hand = Schemas['CountingBoardHandDto'];

/**
 * The counting board as decision 017 has it: the chair (the clerk) proposes delegates of present
 * units not on the ballot; the meeting confirms it by the hands of the present units, which the
 * page follows until the majority is reached.
 */
export function CountingBoardPanel({ poll, meetingId }: { poll: Poll; meetingId: string }) {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: consoleMeetingKeys.board(poll.id),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/counting-board', { params: { path: { id: poll.id } } })),
    // Hands raise no event of the meeting's stream: while a proposal stands, the page reads them again.
    refetchInterval: (query) => (query.state.data?.status === 'proposed' ? 3000 : false),
  });
  const data = board.data;
  const { clusterId } = useConsoleScope();
  const units = useMemberUnits(clusterId);
  const unitName = (unitId: string) => units.data?.find((unit) => unit.id === unitId)?.name ?? '';
  return (
    <Card title={<CardHeading>{t('console.meetings.board.title')}</CardHeading>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={board.error} />
        {data && (
          <>
            <Typography.Paragraph aria-live="polite">
              <Tag>{t(`console.meetings.board.status.${data.status}`)}</Tag>
              {data.confirmation &&
                t('console.meetings.board.hands', {
                  for: data.confirmation.handsFor,
                  needed: data.confirmation.handsNeeded,
                  present: data.confirmation.presentUnits,
                  against: data.confirmation.handsAgainst,
                  abstain: data.confirmation.handsAbstain,
                })}
              {data.confirmedAt &&
                ` ${t('console.meetings.board.confirmedAt', { at: formatDateTime(data.confirmedAt) })}`}
            </Typography.Paragraph>
            {data.members.length > 0 && (
              <ul aria-label={t('console.meetings.board.members')}>
                {data.members.map((member) => (
                  <li key={member.userId}>{member.fullName}</li>
                ))}
              </ul>
            )}
            {data.hands.length > 0 && (
              <Table<Hand>
                rowKey={(hand) => `${hand.unitId}:${hand.raisedAt}`}
                size="small"
                pagination={false}
                dataSource={data.hands}
                columns={[
                  {
                    key: 'unit',
                    title: t('console.meetings.register.unit'),
                    render: (_, hand) => unitName(hand.unitId),
                  },
                  {
                    key: 'person',
                    title: t('console.meetings.register.person'),
                    render: (_, hand) => <PersonName userId={hand.delegateId} />,
                  },
                  {
                    key: 'vote',
                    title: t('console.meetings.board.vote'),
                    render: (_, hand) => t(`console.meetings.board.voteOf.${hand.vote}`),
                  },
                  {
                    key: 'at',
                    title: t('console.meetings.board.raisedAt'),
                    render: (_, hand) => formatDateTime(hand.raisedAt),
                  },
                ]}
              />
            )}
            {!data.locked && poll.status !== 'certified' && poll.status !== 'tallied' && (
              <ProposeBoard poll={poll} meetingId={meetingId} />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

function ProposeBoard({ poll, meetingId }: { poll: Poll; meetingId: string }) {
  const { t } = useTranslation();
  const quorum = useQuorum(meetingId);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const onBallot = new Set(poll.candidates.filter((c) => c.eligible).map((c) => c.unitId));
  const seats = (quorum.data?.presentUnits ?? []).filter((unit) => !onBallot.has(unit.unitId));
  const names = usePeopleNames(seats.map((seat) => seat.delegateId));
  const propose = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/v1/polls/{id}/counting-board', { params: { path: { id: poll.id } }, body: { memberIds } })),
    onSuccess: (board) => {
      queryClient.setQueryData(consoleMeetingKeys.board(poll.id), board);
      setMemberIds([]);
    },
  });
  return (
    <Form layout="vertical" onFinish={() => propose.mutate()}>
      <Form.Item
        label={t('console.meetings.board.propose')}
        htmlFor="board-members"
        extra={t('console.meetings.board.proposeHelp')}
      >
        <Select
          id="board-members"
          mode="multiple"
          value={memberIds}
          onChange={setMemberIds}
          options={seats.map((seat) => ({
            value: seat.delegateId,
            label: `${names.get(seat.delegateId) ?? ''} — ${seat.unitName}`,
          }))}
        />
      </Form.Item>
      <ProblemAlert error={propose.error} />
      <Button htmlType="submit" type="primary" disabled={memberIds.length === 0} loading={propose.isPending}>
        {t('console.meetings.board.submit')}
      </Button>
    </Form>
  );
}
