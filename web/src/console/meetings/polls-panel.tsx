import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { meetingKeys, usePolls, type Meeting, type Poll } from '../../meeting/queries';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { useConsoleScope } from '../console-scope';
import { CardHeading } from './card-heading';
import { useMemberUnits } from './meeting-queries';

type PollForm = Omit<Schemas['CreatePollDto'], 'candidateUnitIds'> & { candidateUnitIds?: string[] };
const KINDS = ['leader_election', 'deputy_election', 'award_proposal', 'motion'] as const;
const METHODS = ['electronic', 'paper', 'mixed'] as const;

/** The meeting's polls (each opens its own page) and a new poll put together from the rules. */
export function PollsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const polls = usePolls(meeting.id);
  return (
    <Card title={<CardHeading>{t('console.meetings.polls.title')}</CardHeading>}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ProblemAlert error={polls.error} />
        <Table<Poll>
          rowKey="id"
          size="small"
          pagination={false}
          loading={polls.isPending}
          dataSource={polls.data}
          locale={{ emptyText: t('console.meetings.polls.empty') }}
          columns={[
            {
              key: 'title',
              title: t('console.meetings.polls.poll'),
              render: (_, poll) => <Link to={`polls/${poll.id}`}>{poll.title}</Link>,
            },
            {
              key: 'kind',
              title: t('console.meetings.polls.kind'),
              render: (_, poll) => t(`meeting.pollKind.${poll.kind}`),
            },
            {
              key: 'method',
              title: t('console.meetings.polls.method'),
              render: (_, poll) => t(`console.meetings.method.${poll.method}`),
            },
            {
              key: 'round',
              title: t('console.meetings.polls.round'),
              render: (_, poll) => t('meeting.round', { round: poll.round }),
            },
            {
              key: 'status',
              title: t('console.meetings.polls.status'),
              render: (_, poll) => <Tag>{t(`meeting.pollStatus.${poll.status}`)}</Tag>,
            },
          ]}
        />
        {meeting.status !== 'closed' && <CreatePoll meetingId={meeting.id} />}
      </Space>
    </Card>
  );
}

function CreatePoll({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { clusterId } = useConsoleScope();
  const units = useMemberUnits(clusterId);
  const [form] = Form.useForm<PollForm>();
  const kind = Form.useWatch('kind', form);
  const draft = useFormDraft(form, `poll:${meetingId}`);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (values: PollForm) =>
      unwrap(
        api.POST('/api/v1/meetings/{meetingId}/polls', {
          params: { path: { meetingId } },
          body: {
            ...values,
            candidateUnitIds: values.candidateUnitIds?.length ? values.candidateUnitIds : undefined,
          },
        }),
      ),
    onSuccess: async (poll) => {
      draft.clear();
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: meetingKeys.polls(meetingId) });
      await navigate(`polls/${poll.id}`);
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.meetings.create.fieldError')),
  });
  const required = [{ required: true, message: t('console.meetings.create.required') }];
  return (
    <section aria-labelledby="poll-create-title">
      <h3 id="poll-create-title">{t('console.meetings.polls.createTitle')}</h3>
      <Form<PollForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'leader_election', method: 'electronic' }}
        onFinish={(values) => create.mutate(values)}
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item name="kind" label={t('console.meetings.polls.kind')} rules={required}>
          <Select options={KINDS.map((value) => ({ value, label: t(`meeting.pollKind.${value}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('console.meetings.polls.pollTitle')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="method" label={t('console.meetings.polls.method')}>
          <Radio.Group options={METHODS.map((value) => ({ value, label: t(`console.meetings.method.${value}`) }))} />
        </Form.Item>
        {kind !== 'motion' && (
          <Form.Item
            name="candidateUnitIds"
            label={t('console.meetings.polls.candidates')}
            extra={t('console.meetings.polls.candidatesHelp')}
          >
            <Select
              mode="multiple"
              options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
        )}
        {kind === 'award_proposal' && (
          <Form.Item name="awardCategoryCode" label={t('console.meetings.polls.awardCategory')} rules={required}>
            <Input />
          </Form.Item>
        )}
        {kind === 'motion' && (
          <Form.Item name="motionText" label={t('console.meetings.polls.motionText')} rules={required}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        <ProblemAlert error={create.error} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('console.meetings.polls.create')}
        </Button>
      </Form>
    </section>
  );
}
