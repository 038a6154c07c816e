import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../format/format';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { usePagedList } from '../../ui/use-paged-list';
import { useConsoleScope } from '../console-scope';
import { CardHeading } from './card-heading';

type Meeting = Schemas['MeetingResponseDto'];
interface MeetingForm {
  title: string;
  heldOn: string;
  place: string;
  agenda?: string;
}

/** The year's meetings, and scheduling a new one (date, place, agenda: one item a line). */
export function MeetingList() {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  const cycleId = cycle?.id;
  const { tableProps } = usePagedList<Meeting>(
    'meetings',
    ['cycle', cycleId, 'meetings'],
    (query) => unwrap(api.GET('/api/v1/cycles/{cycleId}/meetings', { params: { path: { cycleId: cycleId! }, query } })),
    { enabled: Boolean(cycleId) },
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t('console.meetings.title')}</Typography.Title>
      {!cycle && <Typography.Paragraph>{t('console.meetings.noCycle')}</Typography.Paragraph>}
      <section aria-labelledby="meetings-list-title">
        <Typography.Title level={2} id="meetings-list-title">
          {t('console.meetings.list.title')}
        </Typography.Title>
        <Table<Meeting>
          {...tableProps}
          rowKey="id"
          columns={[
            {
              key: 'heldOn',
              dataIndex: 'heldOn',
              title: t('console.meetings.list.heldOn'),
              render: (value: string) => formatDate(value),
            },
            {
              key: 'title',
              dataIndex: 'title',
              title: t('console.meetings.list.meeting'),
              render: (title: string, meeting) => <Link to={meeting.id}>{title}</Link>,
            },
            { key: 'place', dataIndex: 'place', title: t('console.meetings.list.place') },
            {
              key: 'status',
              dataIndex: 'status',
              title: t('console.meetings.list.status'),
              render: (status: Meeting['status']) => <Tag>{t(`meeting.status.${status}`)}</Tag>,
            },
          ]}
          locale={{ emptyText: t('console.meetings.list.empty') }}
        />
      </section>
      {cycleId && <CreateMeeting cycleId={cycleId} />}
    </Space>
  );
}

function CreateMeeting({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MeetingForm>();
  const draft = useFormDraft(form, `meeting:${cycleId}`);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (values: MeetingForm) =>
      unwrap(
        api.POST('/api/v1/cycles/{cycleId}/meetings', {
          params: { path: { cycleId } },
          body: {
            title: values.title,
            heldOn: values.heldOn,
            place: values.place,
            agenda: (values.agenda ?? '')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((title) => ({ title })),
          },
        }),
      ),
    onSuccess: async (meeting) => {
      draft.clear();
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['cycle', cycleId, 'meetings'] });
      await navigate(meeting.id);
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.meetings.create.fieldError')),
  });

  return (
    <Card title={<CardHeading>{t('console.meetings.create.title')}</CardHeading>}>
      <Form<MeetingForm>
        form={form}
        layout="vertical"
        onFinish={(values) => create.mutate(values)}
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item
          name="title"
          label={t('console.meetings.create.meetingTitle')}
          rules={[{ required: true, message: t('console.meetings.create.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('console.meetings.create.heldOn')}
          rules={[{ required: true, message: t('console.meetings.create.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('console.meetings.create.place')}
          rules={[{ required: true, message: t('console.meetings.create.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="agenda"
          label={t('console.meetings.create.agenda')}
          extra={t('console.meetings.create.agendaHelp')}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <ProblemAlert error={create.error} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('console.meetings.create.submit')}
        </Button>
      </Form>
    </Card>
  );
}
