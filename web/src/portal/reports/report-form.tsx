import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { DigitsInput } from './digits-input';
import { bodyOf, formValuesOf, REPORT_FIELDS, type ReportFormValues } from './report-fields';

type Report = Schemas['ResultsReportResponseDto'];

/** Where the form's values go: a first version, a draft's changes, or a correction of an approved one. */
export type ReportTarget =
  | { kind: 'create'; cycleId: string; unitId: string }
  | { kind: 'edit'; report: Report }
  | { kind: 'correct'; report: Report };

/**
 * The results report's seven figures, each with its label, hint and note. "Save draft" stores the
 * version; "Submit" stores it and sends it to the head. What is typed stays on the device until saved.
 */
export function ReportForm({ target, draftKey }: { target: ReportTarget; draftKey: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportFormValues>();
  const draft = useFormDraft(form, draftKey);
  const initial = formValuesOf(target.kind === 'create' ? undefined : target.report);

  const save = async (values: ReportFormValues): Promise<Report> => {
    const body = bodyOf(values);
    if (target.kind === 'create') {
      return unwrap(
        api.POST('/api/v1/cycles/{cycleId}/reports', {
          params: { path: { cycleId: target.cycleId } },
          body: { ...body, unitId: target.unitId },
        }),
      );
    }
    if (target.kind === 'correct') {
      return unwrap(api.POST('/api/v1/reports/{id}/corrections', { params: { path: { id: target.report.id } }, body }));
    }
    return unwrap(
      api.PATCH('/api/v1/reports/{id}', {
        params: { path: { id: target.report.id } },
        body: { ...body, expectedVersion: target.report.version },
      }),
    );
  };

  const mutation = useMutation({
    mutationFn: async ({ values, submit }: { values: ReportFormValues; submit: boolean }) => {
      const report = await save(values);
      // Once stored, the device's copy is no longer needed, even if the submission is refused.
      draft.clear();
      if (submit && report.approval) {
        await unwrap(
          api.POST('/api/v1/approvals/{id}/acts', {
            params: { path: { id: report.approval.requestId } },
            body: { transition: 'submit' },
          }),
        );
      }
      return report;
    },
    onSuccess: (_report, { submit }) => {
      void message.success(t(submit ? 'portal.reports.sent' : 'portal.reports.saved'));
    },
    onError: (error) => {
      showFieldErrors(form, error, () => t('portal.reports.invalid'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['portal', 'reports'] }),
  });

  const run = (submit: boolean) => () =>
    form
      .validateFields()
      .then((values) => mutation.mutate({ values, submit }))
      .catch(() => undefined);

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={draft.onValuesChange}
      className="portal-report-form"
      requiredMark
    >
      {draft.hasDraft && <p className="portal-muted">{t('portal.reports.draftKept')}</p>}
      {REPORT_FIELDS.map((field) => {
        const label = t(`portal.reports.field.${field}`);
        return (
          <div key={field} className="portal-figure">
            <Form.Item
              name={field}
              label={label}
              extra={t(`portal.reports.hint.${field}`)}
              rules={[{ required: true, message: t('portal.reports.required', { field: label }) }]}
            >
              <DigitsInput
                maxDigits={field === 'charterCapitalVnd' ? 20 : 9}
                suffix={field === 'charterCapitalVnd' ? '₫' : undefined}
              />
            </Form.Item>
            <Form.Item name={['notes', field]} label={t('portal.reports.noteOf', { field: label })}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </div>
        );
      })}
      {mutation.error ? <ProblemAlert error={mutation.error} title={t('portal.reports.refused')} /> : null}
      <Space wrap className="portal-actions">
        <Button onClick={run(false)} loading={mutation.isPending && !mutation.variables?.submit}>
          {t('portal.reports.save')}
        </Button>
        <Button type="primary" onClick={run(true)} loading={mutation.isPending && mutation.variables?.submit}>
          {t('portal.reports.submit')}
        </Button>
      </Space>
    </Form>
  );
}
