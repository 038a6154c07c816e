import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';

interface InviteValues {
  unitId: string;
  joinedOn: string;
  note?: string;
}

/**
 * Inviting a unit: only units that are neither members now nor awaiting an answer are offered.
 * The unit joins when its head accepts (docs/registry.md, decision 019).
 */
export function InviteForm({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<InviteValues>();

  const units = useQuery({
    queryKey: ['units', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/units', { params: { query: { pageSize: 100, sort: 'name' } } })),
  });
  const members = useQuery({
    queryKey: ['clusters', clusterId, 'memberships', 'current'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/memberships', {
          params: { path: { clusterId }, query: { current: true, pageSize: 100 } },
        }),
      ),
  });
  const pending = useQuery({
    queryKey: ['clusters', clusterId, 'invitations', 'pending'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/invitations', {
          params: { path: { clusterId }, query: { status: 'pending', pageSize: 100 } },
        }),
      ),
  });
  const taken = new Set([
    ...(members.data?.items ?? []).map((membership) => membership.unitId),
    ...(pending.data?.items ?? []).map((invitation) => invitation.unitId),
  ]);
  const options = (units.data?.items ?? [])
    .filter((unit) => !taken.has(unit.id))
    .map((unit) => ({ value: unit.id, label: unit.name }));

  const invite = useMutation({
    mutationFn: (values: InviteValues) =>
      unwrap(
        api.POST('/api/v1/clusters/{clusterId}/invitations', {
          params: { path: { clusterId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { unitId: values.unitId, joinedOn: values.joinedOn, note: values.note || undefined },
        }),
      ),
    onSuccess: (invitation) => {
      void message.success(t('console.registry.invite.sent', { unit: invitation.unit.name }));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['clusters', clusterId, 'invitations'] });
    },
  });

  return (
    <section aria-labelledby="registry-invite">
      <Typography.Title level={3} id="registry-invite">
        {t('console.registry.invite.heading')}
      </Typography.Title>
      <ProblemAlert error={invite.error} />
      {units.isSuccess && options.length === 0 ? (
        <Typography.Paragraph>{t('console.registry.invite.noUnits')}</Typography.Paragraph>
      ) : (
        <Form<InviteValues> form={form} layout="vertical" onFinish={(values) => invite.mutate(values)}>
          <Form.Item
            name="unitId"
            label={t('console.registry.invite.unit')}
            rules={[{ required: true, message: t('console.registry.invite.unitRequired') }]}
          >
            <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item
            name="joinedOn"
            label={t('console.registry.invite.joinedOn')}
            rules={[{ required: true, message: t('console.registry.invite.joinedOnRequired') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={t('console.registry.invite.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={invite.isPending}>
            {t('console.registry.invite.submit')}
          </Button>
        </Form>
      )}
      <Alert
        type="info"
        role="note"
        showIcon
        title={t('console.registry.invite.whyNoNewUnit')}
        style={{ marginTop: 16 }}
      />
    </section>
  );
}
