import { Table, Tag, Typography, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/format';
import { registerMessages } from '../../i18n/i18n';
import { useMyKeys, type KeyOnRecord } from '../use-device-keys';
import { ProblemAlert } from '../../ui/problem-alert';
import { CreateKeyForm } from './create-key-form';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { RevokeKeyModal } from './revoke-key-modal';

registerMessages({ vi, en });

/** /portal/keys and /console/keys: the person's signing keys, one made on this device, revoked when a device is gone. */
export function KeysPage() {
  const { t } = useTranslation();
  const keys = useMyKeys();
  const [revoking, setRevoking] = useState<KeyOnRecord>();

  return (
    <>
      <Typography.Title level={1}>{t('signing.keys.title')}</Typography.Title>
      <Typography.Paragraph>{t('signing.keys.intro')}</Typography.Paragraph>
      <Typography.Paragraph>{t('signing.keys.newDevice')}</Typography.Paragraph>
      <CreateKeyForm onCreated={() => void keys.refresh()} />
      <section aria-labelledby="keys-list-title">
        <Typography.Title level={2} id="keys-list-title">
          {t('signing.keys.list.title')}
        </Typography.Title>
        <ProblemAlert error={keys.error} />
        <Table<KeyOnRecord>
          rowKey="id"
          size="small"
          loading={keys.isLoading}
          dataSource={keys.keys}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('signing.keys.list.empty')}</Typography.Text> }}
          columns={[
            { key: 'label', title: t('signing.keys.list.label'), render: (_, key) => key.label },
            {
              key: 'algorithm',
              title: t('signing.keys.list.algorithm'),
              render: (_, key) => t(`signing.keys.algorithms.${key.algorithm}`),
            },
            {
              key: 'fingerprint',
              title: t('signing.keys.list.fingerprint'),
              render: (_, key) => (
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {key.fingerprint}
                </Typography.Text>
              ),
            },
            {
              key: 'registeredAt',
              title: t('signing.keys.list.registeredAt'),
              render: (_, key) => formatDateTime(key.registeredAt),
            },
            {
              key: 'status',
              title: t('signing.keys.list.status'),
              render: (_, key) => <KeyStatus keyOnRecord={key} />,
            },
            {
              key: 'actions',
              title: t('signing.keys.list.actions'),
              render: (_, key) =>
                key.revokedAt ? null : (
                  <Button danger onClick={() => setRevoking(key)}>
                    {t('signing.keys.list.revoke', { label: key.label ?? key.fingerprint.slice(0, 16) })}
                  </Button>
                ),
            },
          ]}
        />
      </section>
      {revoking && (
        <RevokeKeyModal
          signingKey={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => void keys.refresh()}
        />
      )}
    </>
  );
}

function KeyStatus({ keyOnRecord: key }: { keyOnRecord: KeyOnRecord }) {
  const { t } = useTranslation();
  if (key.revokedAt) {
    return (
      <Tag>
        {t('signing.keys.list.revoked', { at: formatDateTime(key.revokedAt), reason: key.revocationReason ?? '' })}
      </Tag>
    );
  }
  return key.device ? <Tag>{t('signing.keys.list.onDevice')}</Tag> : <Tag>{t('signing.keys.list.elsewhere')}</Tag>;
}
