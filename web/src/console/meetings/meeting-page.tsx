import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../format/format';
import { meetingKeys, useMeeting, useMeetingEvents, useQuorum, type Meeting } from '../../meeting/queries';
import { ProblemAlert } from '../../ui/problem-alert';
import { AttendancePanel } from './attendance-panel';
import { CardHeading } from './card-heading';
import { EditMeeting } from './edit-meeting';
import { PollsPanel } from './polls-panel';
import { QuorumPanel } from './quorum-panel';

/**
 * One meeting: its details and agenda (changed here until it is closed), the register, the live quorum,
 * its polls; the projector a click away.
 */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const meeting = useMeeting(meetingId);
  const loaded = meeting.isSuccess;
  const quorum = useQuorum(meetingId, loaded);
  useMeetingEvents(meetingId, loaded);

  if (meeting.isPending) return <Typography.Paragraph role="status">{t('app.loading')}</Typography.Paragraph>;
  if (meeting.isError) return <ProblemAlert error={meeting.error} />;
  const data = meeting.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="..">{t('console.meetings.backToList')}</Link>
      <Typography.Title level={1}>{data.title}</Typography.Title>
      <MeetingHeader meeting={data} />
      <Card
        role="region"
        aria-labelledby="meeting-agenda"
        title={<CardHeading id="meeting-agenda">{t('meeting.agenda')}</CardHeading>}
      >
        {data.agenda.length === 0 ? (
          <Typography.Paragraph>{t('meeting.noAgenda')}</Typography.Paragraph>
        ) : (
          <ol>
            {data.agenda.map((item, index) => (
              <li key={index}>
                {item.title}
                {item.note && <Typography.Text type="secondary"> — {item.note}</Typography.Text>}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <QuorumPanel quorum={quorum.data} error={quorum.error} />
      <AttendancePanel meeting={data} quorum={quorum.data} />
      <PollsPanel meeting={data} />
    </Space>
  );
}

function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = meeting.status === 'scheduled' ? 'in_session' : meeting.status === 'in_session' ? 'closed' : null;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const advance = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/meetings/{id}', {
          params: { path: { id: meeting.id } },
          body: { status: next!, expectedVersion: meeting.version },
        }),
      ),
    onSuccess: (updated) => queryClient.setQueryData(meetingKeys.meeting(meeting.id), updated),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'heldOn', label: t('console.meetings.list.heldOn'), children: formatDate(meeting.heldOn) },
          { key: 'place', label: t('console.meetings.list.place'), children: meeting.place },
          {
            key: 'status',
            label: t('console.meetings.list.status'),
            children: <Tag>{t(`meeting.status.${meeting.status}`)}</Tag>,
          },
        ]}
      />
      <Space wrap>
        {next && (
          <Button
            type={next === 'in_session' ? 'primary' : 'default'}
            onClick={() => advance.mutate()}
            loading={advance.isPending}
          >
            {t(`console.meetings.advance.${next}`)}
          </Button>
        )}
        {meeting.status !== 'closed' && !editing && (
          <Button
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('console.meetings.edit.open')}
          </Button>
        )}
        <Button href={`/meetings/${meeting.id}/projector`} target="_blank" rel="noopener">
          {t('console.meetings.projector')}
        </Button>
        <Button href={`/m/${meeting.id}`} target="_blank" rel="noopener">
          {t('console.meetings.delegateLink')}
        </Button>
      </Space>
      <ProblemAlert error={advance.error} />
      {meeting.status === 'closed' && <Typography.Paragraph>{t('console.meetings.edit.closed')}</Typography.Paragraph>}
      <div role="status">{saved && <Alert type="success" showIcon title={t('console.meetings.edit.saved')} />}</div>
      {editing && (
        <EditMeeting
          meeting={meeting}
          onDone={(changed) => {
            setEditing(false);
            setSaved(changed);
          }}
        />
      )}
    </Space>
  );
}
