import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';

type Values = Schemas['CreateScoringPeriodDto'];

/** Opens a scoring period against the cycle's pinned rules, with its two due dates (calendar days). */
export function CreatePeriodForm({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, `scoring-period:${cycleId}`);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: Values) =>
      unwrap(api.POST('/api/v1/cycles/{cycleId}/scoring-periods', { params: { path: { cycleId } }, body })),
    onSuccess: async (period) => {
      draft.clear();
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['cycles', cycleId, 'scoring-periods'] });
      void navigate(`periods/${period.id}`);
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.scoring.fieldInvalid')),
  });

  return (
    <section aria-labelledby="scoring-create">
      <Typography.Title level={2} id="scoring-create">
        {t('console.scoring.create.title')}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('console.scoring.create.name')}
          rules={[{ required: true, whitespace: true, message: t('console.scoring.create.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="selfScoringDue"
          label={t('console.scoring.create.selfScoringDue')}
          extra={t('console.scoring.create.selfScoringDueHelp')}
          rules={[{ required: true, message: t('console.scoring.create.dateRequired') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="explanationDue"
          label={t('console.scoring.create.explanationDue')}
          extra={t('console.scoring.create.explanationDueHelp')}
          dependencies={['selfScoringDue']}
          rules={[
            { required: true, message: t('console.scoring.create.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || !getFieldValue('selfScoringDue') || value >= String(getFieldValue('selfScoringDue'))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('console.scoring.create.explanationBeforeSelf'))),
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
        <ProblemAlert error={create.error} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('console.scoring.create.submit')}
        </Button>
      </Form>
    </section>
  );
}
