import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { apiDecimal, isDecimal, showDecimal } from './decimal';

type UnitPledge = Schemas['UnitPledgeResponseDto'];
type ProgressReport = Schemas['ProgressReportResponseDto'];
interface ProgressValues {
  period: 'mid_year' | 'year_end';
  values: Record<string, { actualValue?: string; note?: string } | undefined>;
}

/** A progress report against the signed targets: a new one (choose the period) or a draft being changed. */
export function ProgressForm({ unitPledge, report }: { unitPledge: UnitPledge; report?: ProgressReport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProgressValues>();
  const draft = useFormDraft(form, `progress:${unitPledge.id}:${report?.id ?? 'new'}`);
  const initial: ProgressValues = {
    period: (report?.period as ProgressValues['period']) ?? 'mid_year',
    values: Object.fromEntries(
      (report?.values ?? []).map((value) => [
        value.targetId,
        { actualValue: showDecimal(value.actualValue), note: value.note ?? '' },
      ]),
    ),
  };

  const mutation = useMutation({
    mutationFn: async ({ values, submit }: { values: ProgressValues; submit: boolean }) => {
      const given = unitPledge.targets
        .filter((target) => values.values?.[target.id]?.actualValue?.trim())
        .map((target) => ({
          targetId: target.id,
          actualValue: apiDecimal(values.values[target.id]!.actualValue!),
          note: values.values[target.id]?.note?.trim() || undefined,
        }));
      const stored = report
        ? await unwrap(
            api.PUT('/api/v1/pledge-progress-reports/{id}', {
              params: { path: { id: report.id } },
              body: { values: given, expectedVersion: report.version },
            }),
          )
        : await unwrap(
            api.POST('/api/v1/unit-pledges/{id}/progress-reports', {
              params: { path: { id: unitPledge.id } },
              body: { period: values.period, values: given },
            }),
          );
      draft.clear();
      if (submit && stored.approval) {
        await unwrap(
          api.POST('/api/v1/approvals/{id}/acts', {
            params: { path: { id: stored.approval.requestId } },
            body: { transition: 'submit' },
          }),
        );
      }
      return stored;
    },
    onSuccess: (_stored, { submit }) =>
      void message.success(t(submit ? 'portal.pledges.progress.sent' : 'portal.pledges.progress.saved')),
    onError: (error) => showFieldErrors(form, error, () => t('portal.pledges.decimal')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['portal'] }),
  });
  const run = (submit: boolean) => () =>
    form
      .validateFields()
      .then((values) => mutation.mutate({ values, submit }))
      .catch(() => undefined);
  const decimal = {
    validator: (_rule: unknown, value: string | undefined) =>
      !value || isDecimal(value) ? Promise.resolve() : Promise.reject(new Error(t('portal.pledges.decimal'))),
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onValuesChange={draft.onValuesChange}>
      <Form.Item name="period" label={t('portal.pledges.progress.periodLabel')}>
        <Select
          disabled={Boolean(report)}
          options={(['mid_year', 'year_end'] as const).map((period) => ({
            value: period,
            label: t(`portal.pledges.progress.period.${period}`),
          }))}
          style={{ maxWidth: 260 }}
        />
      </Form.Item>
      {unitPledge.targets.map((target) => (
        <Space key={target.id} wrap align="start">
          <Form.Item
            name={['values', target.id, 'actualValue']}
            label={t('portal.pledges.progress.actualOf', { indicator: target.indicator })}
            extra={`${showDecimal(target.targetValue)} ${target.unitOfMeasure}`}
            rules={[decimal]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name={['values', target.id, 'note']}
            label={t('portal.pledges.progress.noteOf', { indicator: target.indicator })}
          >
            <Input maxLength={2000} style={{ minWidth: 260 }} />
          </Form.Item>
        </Space>
      ))}
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      <Space wrap className="portal-actions">
        <Button onClick={run(false)} loading={mutation.isPending && !mutation.variables?.submit}>
          {t('portal.pledges.progress.save')}
        </Button>
        <Button type="primary" onClick={run(true)} loading={mutation.isPending && mutation.variables?.submit}>
          {t('portal.pledges.progress.submit')}
        </Button>
      </Space>
    </Form>
  );
}
