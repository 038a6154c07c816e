import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { meetingKeys, type Meeting } from '../../meeting/queries';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { CardHeading } from './card-heading';

interface EditForm {
  title: string;
  heldOn: string;
  place: string;
  agenda: { title: string; note?: string }[];
}

const noteOrNothing = (note?: string) => (note?.trim() ? note : undefined);

/**
 * Changes a meeting's title, day, place and agenda after it was scheduled (`PATCH /meetings/{id}`),
 * with the version read when the form was opened: a change made meanwhile is refused (409
 * version_conflict), not overwritten. A closed meeting no longer changes (409 meeting_closed).
 */
export function EditMeeting({ meeting, onDone }: { meeting: Meeting; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditForm>();
  const queryClient = useQueryClient();
  // The version the clerk is editing from, kept even when the page reads a newer meeting meanwhile.
  const [version] = useState(meeting.version);
  const save = useMutation({
    mutationFn: (values: EditForm) =>
      unwrap(
        api.PATCH('/api/v1/meetings/{id}', {
          params: { path: { id: meeting.id } },
          body: {
            title: values.title,
            heldOn: values.heldOn,
            place: values.place,
            agenda: (values.agenda ?? []).map((item) => ({ title: item.title, note: noteOrNothing(item.note) })),
            expectedVersion: version,
          },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['cycle', meeting.cycleId, 'meetings'] });
      onDone(true);
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.meetings.create.fieldError')),
  });
  const required = { required: true, whitespace: true, message: t('console.meetings.create.required') };

  return (
    <Card title={<CardHeading>{t('console.meetings.edit.title')}</CardHeading>}>
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{
          title: meeting.title,
          heldOn: meeting.heldOn,
          place: meeting.place,
          agenda: meeting.agenda.map((item) => ({ title: item.title, note: item.note ?? '' })),
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="title" label={t('console.meetings.create.meetingTitle')} rules={[required]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('console.meetings.create.heldOn')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="place" label={t('console.meetings.create.place')} rules={[required]}>
          <Input maxLength={500} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('console.meetings.create.agenda')}</legend>
          <Form.List name="agenda">
            {(fields, { add, remove, move }) => (
              <Flex vertical gap="small">
                {fields.map((field, index) => (
                  <Card key={field.key} size="small">
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('console.meetings.edit.itemTitle', { number: index + 1 })}
                      rules={[required]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'note']}
                      label={t('console.meetings.edit.itemNote', { number: index + 1 })}
                    >
                      <Input maxLength={2000} />
                    </Form.Item>
                    <Space wrap>
                      <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)}>
                        {t('console.meetings.edit.up', { number: index + 1 })}
                      </Button>
                      <Button size="small" danger onClick={() => remove(field.name)}>
                        {t('console.meetings.edit.remove', { number: index + 1 })}
                      </Button>
                    </Space>
                  </Card>
                ))}
                <div>
                  <Button onClick={() => add({ title: '', note: '' })}>{t('console.meetings.edit.add')}</Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </fieldset>
        <div style={{ marginTop: 16 }}>
          <ProblemAlert error={save.error} title={t('console.meetings.edit.refused')} />
        </div>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('console.meetings.edit.submit')}
          </Button>
          <Button onClick={() => onDone(false)}>{t('console.meetings.edit.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
