import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';

type Pledge = Schemas['PledgeResponseDto'];

function useRefreshPledges(cycleId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['cycles', cycleId, 'pledges'] });
}

function SharedTextField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="sharedText"
      label={t('console.pledges.text.label')}
      extra={t('console.pledges.text.help')}
      rules={[{ required: true, whitespace: true, message: t('console.pledges.text.required') }]}
    >
      <Input.TextArea rows={6} maxLength={20000} showCount />
    </Form.Item>
  );
}

/** Version 1 of the year's pledge: needs the cycle's adopted rules pinned, in rules adoption or pledge signing. */
export function CreatePledgeForm({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Schemas['CreatePledgeDto']>();
  const draft = useFormDraft(form, `pledge-create:${cycleId}`);
  const refresh = useRefreshPledges(cycleId);
  const create = useMutation({
    mutationFn: (body: Schemas['CreatePledgeDto']) =>
      unwrap(api.POST('/api/v1/cycles/{cycleId}/pledges', { params: { path: { cycleId } }, body })),
    onSuccess: async () => {
      draft.clear();
      await refresh();
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.pledges.fieldInvalid')),
  });
  return (
    <section aria-labelledby="pledges-create">
      <Typography.Title level={2} id="pledges-create">
        {t('console.pledges.create.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.pledges.create.lead')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => create.mutate(values)}
      >
        <SharedTextField />
        <ProblemAlert error={create.error} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('console.pledges.create.submit')}
        </Button>
      </Form>
    </section>
  );
}

/** Changes the text of a version nobody has signed yet, against the version read (409 if it moved). */
export function EditSharedTextForm({ pledge, onDone }: { pledge: Pledge; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ sharedText: string }>();
  const draft = useFormDraft(form, `pledge-edit:${pledge.id}`);
  const refresh = useRefreshPledges(pledge.cycleId);
  const save = useMutation({
    mutationFn: ({ sharedText }: { sharedText: string }) =>
      unwrap(
        api.PUT('/api/v1/pledges/{id}', {
          params: { path: { id: pledge.id } },
          body: { sharedText, expectedVersion: pledge.version },
        }),
      ),
    onSuccess: async () => {
      draft.clear();
      await refresh();
      onDone();
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.pledges.fieldInvalid')),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ sharedText: pledge.sharedText }}
      onValuesChange={draft.onValuesChange}
      onFinish={(values) => save.mutate(values)}
    >
      <SharedTextField />
      <ProblemAlert error={save.error} />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('console.pledges.edit.submit')}
        </Button>
        <Button onClick={onDone}>{t('console.pledges.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** A new version after signatures: the units approve and sign it again, and it is sealed again. */
export function AmendPledgeForm({ pledge, onDone }: { pledge: Pledge; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Schemas['AmendPledgeDto']>();
  const draft = useFormDraft(form, `pledge-amend:${pledge.id}`);
  const refresh = useRefreshPledges(pledge.cycleId);
  const amend = useMutation({
    mutationFn: (body: Schemas['AmendPledgeDto']) =>
      unwrap(api.POST('/api/v1/pledges/{id}/amendments', { params: { path: { id: pledge.id } }, body })),
    onSuccess: async () => {
      draft.clear();
      await refresh();
      onDone();
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.pledges.fieldInvalid')),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ sharedText: pledge.sharedText }}
      onValuesChange={draft.onValuesChange}
      onFinish={(values) => amend.mutate(values)}
    >
      <Typography.Paragraph>{t('console.pledges.amend.lead')}</Typography.Paragraph>
      <SharedTextField />
      <Form.Item
        name="reason"
        label={t('console.pledges.amend.reason')}
        rules={[{ required: true, whitespace: true, message: t('console.pledges.amend.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <ProblemAlert error={amend.error} />
      <Space>
        <Button type="primary" htmlType="submit" loading={amend.isPending}>
          {t('console.pledges.amend.submit')}
        </Button>
        <Button onClick={onDone}>{t('console.pledges.cancel')}</Button>
      </Space>
    </Form>
  );
}
