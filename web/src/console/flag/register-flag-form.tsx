import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { showFieldErrors } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { useMemberUnits } from '../meetings/meeting-queries';
import { flagKeys } from './flag-keys';

interface RegisterForm {
  name: string;
  description?: string;
  custodianUnitId: string;
}

/**
 * Registers the cluster's flag (`POST /clusters/{id}/flag`): its name, description and the member
 * unit that holds it today, where its chain of custody starts. One flag per cluster: the API says so.
 */
export function RegisterFlagForm({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterForm>();
  const draft = useFormDraft(form, `flag:${clusterId}`);
  const queryClient = useQueryClient();
  const members = useMemberUnits(clusterId);
  const register = useMutation({
    mutationFn: (values: RegisterForm) =>
      unwrap(
        api.POST('/api/v1/clusters/{id}/flag', {
          params: { path: { id: clusterId } },
          body: {
            name: values.name,
            description: values.description?.trim() ? values.description : undefined,
            custodianUnitId: values.custodianUnitId,
          },
        }),
      ),
    onSuccess: async (flag) => {
      draft.clear();
      queryClient.setQueryData(flagKeys.ofCluster(clusterId), flag);
      await queryClient.invalidateQueries({ queryKey: flagKeys.all });
    },
    onError: (error) => showFieldErrors(form, error, () => t('console.flag.register.fieldError')),
  });
  const required = { required: true, whitespace: true, message: t('console.flag.required') };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('console.flag.register.title')}</h2>}>
      <Typography.Paragraph>{t('console.flag.register.lead')}</Typography.Paragraph>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        onFinish={(values) => register.mutate(values)}
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item
          name="name"
          label={t('console.flag.register.name')}
          rules={[required, { max: 200, message: t('console.flag.register.tooLong', { max: 200 }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('console.flag.register.description')}
          rules={[{ max: 2000, message: t('console.flag.register.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="custodianUnitId"
          label={t('console.flag.register.custodian')}
          extra={t('console.flag.register.custodianHelp')}
          rules={[{ required: true, message: t('console.flag.register.custodianRequired') }]}
        >
          <Select
            loading={members.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(members.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        <ProblemAlert error={members.error ?? register.error} title={t('console.flag.register.refused')} />
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t('console.flag.register.submit')}
        </Button>
      </Form>
    </Card>
  );
}
