import { App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { idempotencyKey, useCycleChanged } from './cycle-data';

type Cycle = Schemas['CycleResponseDto'];
interface ReopenValues {
  reason?: string;
  deadline?: string;
}

/** Reopens the current phase to let late work in: a reason (10–1000 characters, as the API asks), maybe a new deadline. */
export function ReopenForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useCycleChanged();
  const [form] = Form.useForm<ReopenValues>();
  const draft = useFormDraft(form, `reopen:${cycle.id}`);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const phaseName = t(`console.phase.${cycle.phase}`);

  const submit = async (values: ReopenValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await unwrap(
        api.POST('/api/v1/cycles/{id}/reopen', {
          params: { path: { id: cycle.id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: {
            reason: values.reason!.trim(),
            deadline: values.deadline || undefined,
            expectedVersion: cycle.version,
          },
        }),
      );
      draft.clear();
      form.resetFields();
      await changed(saved);
      void message.success(t('console.year.reopen.done', { phase: phaseName }));
    } catch (caught) {
      if (!showFieldErrors(form, caught, () => t('console.year.fieldInvalid'))) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (cycle.phase === 'closed') return null;
  return (
    <section aria-labelledby="year-reopen" className="year-section">
      <Typography.Title level={2} id="year-reopen">
        {t('console.year.reopen.heading', { phase: phaseName })}
      </Typography.Title>
      <Typography.Paragraph>{t('console.year.reopen.intro')}</Typography.Paragraph>
      <Form<ReopenValues>
        form={form}
        name="reopen"
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="reason"
          label={t('console.year.reopen.reason')}
          rules={[
            { required: true, whitespace: true, message: t('console.year.reopen.reasonRequired') },
            { min: 10, max: 1000, message: t('console.year.reopen.reasonLength') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="deadline" label={t('console.year.reopen.deadline')}>
          <Input type="date" />
        </Form.Item>
        <ProblemAlert error={error} />
        <Button htmlType="submit" loading={busy}>
          {t('console.year.reopen.submit')}
        </Button>
      </Form>
    </section>
  );
}
