import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { forgetDeviceKey } from '../device-keys';
import type { KeyOnRecord } from '../use-device-keys';
import { ProblemAlert } from '../../ui/problem-alert';

/** Revokes one of the person's keys with a reason; the private half on this device is then dropped. */
export function RevokeKeyModal({
  signingKey,
  onClose,
  onRevoked,
}: {
  signingKey: KeyOnRecord;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const label = signingKey.label ?? signingKey.fingerprint.slice(0, 16);
  const revoke = useMutation({
    mutationFn: async ({ reason }: { reason: string }) => {
      const revoked = await unwrap(
        api.POST('/api/v1/me/signing-keys/{id}/revoke', {
          params: { path: { id: signingKey.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { reason: reason.trim() },
        }),
      );
      if (signingKey.device) await forgetDeviceKey(signingKey.id);
      return revoked;
    },
    onSuccess: () => {
      void message.success(t('signing.keys.revoke.done'));
      onRevoked();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('signing.keys.revoke.title', { label })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('signing.keys.revoke.cancel')}
        </Button>,
        <Button key="submit" danger type="primary" loading={revoke.isPending} onClick={() => form.submit()}>
          {t('signing.keys.revoke.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('signing.keys.revoke.explain')}</Typography.Paragraph>
      <Form form={form} name="revoke-key" layout="vertical" onFinish={(values) => revoke.mutate(values)}>
        <Form.Item
          name="reason"
          label={t('signing.keys.revoke.reason')}
          rules={[{ required: true, whitespace: true, message: t('signing.keys.revoke.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={revoke.error} title={t('signing.keys.revoke.refused')} />
    </Modal>
  );
}
