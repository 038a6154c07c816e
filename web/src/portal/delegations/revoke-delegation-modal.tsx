import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';

/** Revokes a delegation now, with an optional reason. */
export function RevokeDelegationModal({
  delegation,
  delegateName,
  onClose,
  onRevoked,
}: {
  delegation: Schemas['DelegationResponseDto'];
  delegateName: string;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const revoke = useMutation({
    mutationFn: ({ reason }: { reason?: string }) =>
      unwrap(
        api.POST('/api/v1/delegations/{id}/revoke', {
          params: { path: { id: delegation.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { reason: reason?.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      void message.success(t('portal.delegations.revoke.done'));
      onRevoked();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('portal.delegations.revoke.title', { name: delegateName })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('portal.delegations.revoke.cancel')}
        </Button>,
        <Button key="submit" danger type="primary" loading={revoke.isPending} onClick={() => form.submit()}>
          {t('portal.delegations.revoke.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('portal.delegations.revoke.explain')}</Typography.Paragraph>
      <Form form={form} name="revoke-delegation" layout="vertical" onFinish={(values) => revoke.mutate(values)}>
        <Form.Item name="reason" label={t('portal.delegations.revoke.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={revoke.error} title={t('portal.delegations.revoke.refused')} />
    </Modal>
  );
}
