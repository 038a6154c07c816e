import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { forgetDeviceKey } from '../../signing/device-keys';
import type { KeyOnRecord } from '../../signing/use-device-keys';
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
      void message.success(t('portal.keys.revoke.done'));
      onRevoked();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('portal.keys.revoke.title', { label })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('portal.keys.revoke.cancel')}
        </Button>,
        <Button key="submit" danger type="primary" loading={revoke.isPending} onClick={() => form.submit()}>
          {t('portal.keys.revoke.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('portal.keys.revoke.explain')}</Typography.Paragraph>
      <Form form={form} name="revoke-key" layout="vertical" onFinish={(values) => revoke.mutate(values)}>
        <Form.Item
          name="reason"
          label={t('portal.keys.revoke.reason')}
          rules={[{ required: true, whitespace: true, message: t('portal.keys.revoke.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={revoke.error} title={t('portal.keys.revoke.refused')} />
    </Modal>
  );
}
