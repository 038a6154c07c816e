import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatInteger } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { HashText } from './hash-text';

type Verification = Schemas['LedgerVerificationDto'];

/** The ledger's head, and its verification answered in words. */
export function LedgerPanel() {
  const { t } = useTranslation();
  const head = useQuery({ queryKey: ['ledger', 'head'], queryFn: () => unwrap(api.GET('/api/v1/ledger/head')) });
  const [verification, setVerification] = useState<Verification>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(undefined);
    setVerification(undefined);
    try {
      setVerification(await unwrap(api.GET('/api/v1/ledger/verify')));
      void head.refetch();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="records-ledger" className="records-section">
      <Typography.Title level={2} id="records-ledger">
        {t('console.records.ledger.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.records.ledger.intro')}</Typography.Paragraph>
      <ProblemAlert error={head.error} />
      {head.data && (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'length', label: t('console.records.ledger.length'), children: formatInteger(head.data.length) },
            {
              key: 'hash',
              label: t('console.records.ledger.headHash'),
              children: <HashText hash={head.data.headHash} />,
            },
          ]}
        />
      )}
      <Button type="primary" className="records-verify" loading={busy} onClick={() => void verify()}>
        {t('console.records.ledger.verify')}
      </Button>
      <ProblemAlert error={error} />
      {verification && (
        <Alert
          role="status"
          showIcon
          type={verification.valid ? 'success' : 'error'}
          title={
            verification.valid
              ? t('console.records.ledger.valid', { length: formatInteger(verification.length) })
              : t('console.records.ledger.invalid', { seq: verification.firstBrokenSeq ?? '?' })
          }
          description={
            <>
              {verification.valid ? t('console.records.ledger.validDetail') : t('console.records.ledger.invalidDetail')}{' '}
              {t('console.records.ledger.headWas')} <HashText hash={verification.headHash} />
              {verification.reason && (
                <details>
                  <summary>{t('console.records.ledger.reason')}</summary>
                  <span lang="en">{verification.reason}</span>
                </details>
              )}
            </>
          }
        />
      )}
    </section>
  );
}
