import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { DEADLINE_PHASES, PHASES, useCycleChanged } from './cycle-data';

type Cycle = Schemas['CycleResponseDto'];
interface DeadlineValues {
  deadlines: Partial<Record<(typeof DEADLINE_PHASES)[number], string>>;
  reason?: string;
}

/** Each phase's deadline; phases already over are shown but cannot change (deadline_for_past_phase). */
export function DeadlinesForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useCycleChanged();
  const [form] = Form.useForm<DeadlineValues>();
  const draft = useFormDraft(form, `deadlines:${cycle.id}`);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const current = PHASES.indexOf(cycle.phase);
  const editable = DEADLINE_PHASES.filter((phase) => PHASES.indexOf(phase) >= current);

  const submit = async (values: DeadlineValues) => {
    setBusy(true);
    setError(undefined);
    const deadlines = Object.fromEntries(editable.map((phase) => [phase, values.deadlines?.[phase] || null]));
    try {
      const saved = await unwrap(
        api.PUT('/api/v1/cycles/{id}/deadlines', {
          params: { path: { id: cycle.id } },
          body: { deadlines, reason: values.reason?.trim() || undefined, expectedVersion: cycle.version },
        }),
      );
      draft.clear();
      await changed(saved);
      void message.success(t('console.year.deadlines.done'));
    } catch (caught) {
      if (!showFieldErrors(form, caught, () => t('console.year.fieldInvalid'))) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (cycle.phase === 'closed') return null;
  return (
    <section aria-labelledby="year-deadlines" className="year-section">
      <Typography.Title level={2} id="year-deadlines">
        {t('console.year.deadlines.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.year.deadlines.intro')}</Typography.Paragraph>
      <Form<DeadlineValues>
        form={form}
        name="deadlines"
        layout="vertical"
        initialValues={{ deadlines: cycle.deadlines }}
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => void submit(values)}
      >
        <Space wrap size="middle">
          {DEADLINE_PHASES.map((phase) => (
            <Form.Item
              key={phase}
              name={['deadlines', phase]}
              label={t('console.year.deadlineOf', { phase: t(`console.phase.${phase}`) })}
            >
              <Input type="date" disabled={!editable.includes(phase)} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="reason" label={t('console.year.deadlines.reason')}>
          <Input maxLength={1000} />
        </Form.Item>
        <ProblemAlert error={error} />
        <Button htmlType="submit" loading={busy}>
          {t('console.year.deadlines.submit')}
        </Button>
      </Form>
    </section>
  );
}
