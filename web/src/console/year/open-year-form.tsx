import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { useConsoleScope } from '../console-scope';
import { DEADLINE_PHASES, idempotencyKey, useCycleChanged } from './cycle-data';

interface OpenYearValues {
  year?: number;
  deadlines?: Partial<Record<(typeof DEADLINE_PHASES)[number], string>>;
}

/** Opens a new year for the cluster: its number and, if known, each phase's deadline. */
export function OpenYearForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scope = useConsoleScope();
  const changed = useCycleChanged();
  const [form] = Form.useForm<OpenYearValues>();
  const draft = useFormDraft(form, scope.clusterId ? `open-year:${scope.clusterId}` : undefined);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const newest = scope.cycles.reduce((max, cycle) => Math.max(max, cycle.year), 0);

  const submit = async (values: OpenYearValues) => {
    if (!scope.clusterId) return;
    setBusy(true);
    setError(undefined);
    const deadlines = Object.fromEntries(Object.entries(values.deadlines ?? {}).filter(([, day]) => Boolean(day)));
    try {
      const cycle = await unwrap(
        api.POST('/api/v1/clusters/{clusterId}/cycles', {
          params: { path: { clusterId: scope.clusterId }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { year: Number(values.year), deadlines },
        }),
      );
      draft.clear();
      form.resetFields();
      await changed(cycle);
      scope.setCycleId(cycle.id);
      void message.success(t('console.year.open.done', { year: cycle.year }));
      onDone?.();
    } catch (caught) {
      if (!showFieldErrors(form, caught, () => t('console.year.fieldInvalid'))) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="year-open" className="year-section">
      <Typography.Title level={2} id="year-open">
        {t('console.year.open.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.year.open.intro')}</Typography.Paragraph>
      <Form<OpenYearValues>
        form={form}
        name="open-year"
        layout="vertical"
        initialValues={newest ? { year: newest + 1 } : undefined}
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="year"
          label={t('console.year.open.year')}
          rules={[{ required: true, message: t('console.year.open.yearRequired') }]}
        >
          <InputNumber min={2000} max={2200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <fieldset className="year-deadlines">
          <legend>{t('console.year.open.deadlines')}</legend>
          <Space wrap size="middle">
            {DEADLINE_PHASES.map((phase) => (
              <Form.Item
                key={phase}
                name={['deadlines', phase]}
                label={t('console.year.deadlineOf', { phase: t(`console.phase.${phase}`) })}
              >
                <Input type="date" />
              </Form.Item>
            ))}
          </Space>
        </fieldset>
        <ProblemAlert error={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('console.year.open.submit')}
        </Button>
      </Form>
    </section>
  );
}
