import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { apiDecimal, isDecimal, showDecimal } from './decimal';

type UnitPledge = Schemas['UnitPledgeResponseDto'];
interface TargetsValues {
  targets: { indicator: string; unitOfMeasure: string; targetValue: string; baseline?: string }[];
}

/** The unit's targets while a draft: a list to edit (1–50), saved whole, then submitted to the head. */
export function TargetsForm({ unitPledge }: { unitPledge: UnitPledge }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TargetsValues>();
  const draft = useFormDraft(form, `targets:${unitPledge.id}`);
  const initial: TargetsValues = {
    targets: unitPledge.targets.length
      ? unitPledge.targets.map((target) => ({
          indicator: target.indicator,
          unitOfMeasure: target.unitOfMeasure,
          targetValue: showDecimal(target.targetValue),
          baseline: showDecimal(target.baseline),
        }))
      : [{ indicator: '', unitOfMeasure: '', targetValue: '' }],
  };

  const mutation = useMutation({
    mutationFn: async ({ values, submit }: { values: TargetsValues; submit: boolean }) => {
      const stored = await unwrap(
        api.PUT('/api/v1/unit-pledges/{id}/targets', {
          params: { path: { id: unitPledge.id } },
          body: {
            expectedVersion: unitPledge.version,
            targets: values.targets.map((target) => ({
              indicator: target.indicator.trim(),
              unitOfMeasure: target.unitOfMeasure.trim(),
              targetValue: apiDecimal(target.targetValue),
              baseline: target.baseline?.trim() ? apiDecimal(target.baseline) : null,
            })),
          },
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
      void message.success(t(submit ? 'portal.pledges.sent' : 'portal.pledges.saved')),
    onError: (error) => showFieldErrors(form, error, () => t('portal.pledges.decimal')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['portal'] }),
  });
  const run = (submit: boolean) => () =>
    form
      .validateFields()
      .then((values) => mutation.mutate({ values, submit }))
      .catch(() => undefined);

  const required = { required: true, whitespace: true, message: t('portal.pledges.required') };
  const decimal = {
    validator: (_rule: unknown, value: string | undefined) =>
      !value || isDecimal(value) ? Promise.resolve() : Promise.reject(new Error(t('portal.pledges.decimal'))),
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onValuesChange={draft.onValuesChange}>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const n = index + 1;
              return (
                <Space key={field.key} wrap align="start" className="portal-target">
                  <Form.Item
                    name={[field.name, 'indicator']}
                    label={t('portal.pledges.indicatorOf', { n })}
                    rules={[required]}
                  >
                    <Input maxLength={500} style={{ minWidth: 260 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unitOfMeasure']}
                    label={t('portal.pledges.unitOf', { n })}
                    rules={[required]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'targetValue']}
                    label={t('portal.pledges.targetOf', { n })}
                    rules={[required, decimal]}
                  >
                    <Input inputMode="decimal" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'baseline']}
                    label={t('portal.pledges.baselineOf', { n })}
                    rules={[decimal]}
                  >
                    <Input inputMode="decimal" />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button onClick={() => remove(field.name)} className="portal-target-remove">
                      {t('portal.pledges.removeOf', { n })}
                    </Button>
                  )}
                </Space>
              );
            })}
            {fields.length < 50 && (
              <Button type="dashed" onClick={() => add({ indicator: '', unitOfMeasure: '', targetValue: '' })}>
                {t('portal.pledges.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {mutation.error ? <ProblemAlert error={mutation.error} title={t('portal.pledges.refused')} /> : null}
      <Space wrap className="portal-actions">
        <Button onClick={run(false)} loading={mutation.isPending && !mutation.variables?.submit}>
          {t('portal.pledges.save')}
        </Button>
        <Button type="primary" onClick={run(true)} loading={mutation.isPending && mutation.variables?.submit}>
          {t('portal.pledges.submit')}
        </Button>
      </Space>
    </Form>
  );
}
