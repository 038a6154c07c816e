import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { createDeviceKey } from '../create-device-key';
import { ProblemAlert } from '../../ui/problem-alert';

/** Names the key, makes it on this device and registers it (challenge, proof, public key). */
export function CreateKeyForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [form] = Form.useForm<{ label: string }>();
  const create = useMutation({
    mutationFn: ({ label }: { label: string }) => createDeviceKey(me!.user.id, label.trim()),
    onSuccess: () => {
      form.resetFields();
      onCreated();
    },
  });
  return (
    <section aria-labelledby="keys-create-title">
      <Typography.Title level={2} id="keys-create-title">
        {t('signing.keys.create.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} style={{ maxWidth: 480 }}>
        <Form.Item
          name="label"
          label={t('signing.keys.create.label')}
          extra={t('signing.keys.create.labelHelp')}
          rules={[{ required: true, whitespace: true, message: t('signing.keys.create.labelRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('signing.keys.create.submit')}
        </Button>
      </Form>
      {create.data && (
        <Alert
          role="status"
          type="success"
          showIcon
          title={t('signing.keys.create.created', {
            algorithm: t(`signing.keys.algorithms.${create.data.algorithm}`),
            fingerprint: create.data.fingerprint,
          })}
        />
      )}
      <ProblemAlert error={create.error} title={t('signing.keys.create.refused')} />
    </section>
  );
}
