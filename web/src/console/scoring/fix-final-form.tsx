import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import type { SheetLine } from './sheet-page';

interface Values {
  itemCode: string;
  finalScore: string;
  reason?: string;
}

/** The secretariat fixes a line's final score; a reason is needed when it differs from what counts now. */
export function FixFinalForm({ periodId, unitId, lines }: { periodId: string; unitId: string; lines: SheetLine[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, `scoring-final:${periodId}:${unitId}`);
  const fix = useMutation({
    mutationFn: ({ itemCode, finalScore, reason }: Values) => {
      const entry = lines.find((line) => line.code === itemCode)?.entry;
      return unwrap(
        api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/final', {
          params: { path: { periodId, unitId, itemCode } },
          body: { finalScore, reason: reason?.trim() || undefined, expectedVersion: entry?.version ?? undefined },
        }),
      );
    },
    onSuccess: async () => {
      draft.clear();
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['scoring-periods', periodId] });
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.scoring.fieldInvalid')),
  });

  return (
    <section aria-labelledby="fix-final" style={{ marginTop: 16 }}>
      <Typography.Title level={2} id="fix-final">
        {t('console.scoring.final.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.scoring.final.lead')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => fix.mutate(values)}
      >
        <Form.Item
          name="itemCode"
          label={t('console.scoring.final.item')}
          rules={[{ required: true, message: t('console.scoring.final.itemRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={lines.map((line) => ({ value: line.code, label: `${line.code} — ${line.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="finalScore"
          label={t('console.scoring.final.score')}
          rules={[
            { required: true, message: t('console.scoring.final.scoreRequired') },
            { pattern: /^\d{1,4}([.,]\d{1,2})?$/, message: t('console.scoring.final.scoreFormat') },
          ]}
          normalize={(value: string) => value.replace(',', '.')}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('console.scoring.final.reason')}
          extra={t('console.scoring.final.reasonHelp')}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <ProblemAlert error={fix.error} />
        <Button type="primary" htmlType="submit" loading={fix.isPending}>
          {t('console.scoring.final.submit')}
        </Button>
      </Form>
    </section>
  );
}
