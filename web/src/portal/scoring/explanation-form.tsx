import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import type { SheetRow } from './sheet-rows';

/** The unit's explanation of a line whose reviewed score differs from its self score (until explanationDue). */
export function ExplanationForm({ row, sheet }: { row: SheetRow; sheet: Schemas['ScoreSheetResponseDto'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ explanation: string }>();
  const draft = useFormDraft(form, `explanation:${sheet.periodId}:${sheet.unitId}:${row.code}`);
  const send = useMutation({
    mutationFn: (explanation: string) =>
      unwrap(
        api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/explanation', {
          params: { path: { periodId: sheet.periodId, unitId: sheet.unitId, itemCode: row.code } },
          body: { explanation },
        }),
      ),
    onSuccess: () => {
      draft.clear();
      void message.success(t('portal.scoring.review.sent'));
      void queryClient.invalidateQueries({ queryKey: ['portal', 'sheet', sheet.periodId, sheet.unitId] });
    },
  });
  const entry = row.entry;
  if (!entry?.reviewedScore || entry.reviewedScore === entry.selfScore) return null;
  const label = t('portal.scoring.review.explanation', { code: row.code });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ explanation: entry.explanation ?? '' }}
      onValuesChange={draft.onValuesChange}
      onFinish={({ explanation }) => send.mutate(explanation)}
    >
      <Form.Item name="explanation" label={label} rules={[{ required: true, message: label }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <ProblemAlert error={send.error} />
      <Button htmlType="submit" loading={send.isPending}>
        {t('portal.scoring.review.send')}
      </Button>
    </Form>
  );
}
