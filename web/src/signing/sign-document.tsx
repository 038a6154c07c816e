import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Collapse, Descriptions, Flex, List, Select, Spin, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatDateTime } from '../format/format';
import { registerMessages } from '../i18n/i18n';
import { ProblemAlert } from '../ui/problem-alert';
import { signText } from './device-keys';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { useMyKeys } from './use-device-keys';

registerMessages({ vi, en });

/** What every document route serves (SignableDocumentDto): the bytes to sign, their digest, who signed. */
export interface SignableDocument {
  canonical: string;
  digest: string;
  signatures: Schemas['DocumentSignatureDto'][];
}

export interface SignDocumentProps<D extends SignableDocument> {
  /** The heading of the document (a level-2 heading). */
  title: string;
  /** TanStack Query key of the document (refetched after signing). */
  queryKey: readonly unknown[];
  /** GET …/document (or …/counting-record): the document as served. */
  fetchDocument: () => Promise<D>;
  /** POST the signature `{digest, signingKeyId, signature}` with a fresh Idempotency-Key. */
  postSignature: (body: Schemas['SignDocumentDto'], idempotencyKey: string) => Promise<unknown>;
  /** The document as a person reads it (its `content`); shown before anything else. */
  render: (document: D) => ReactNode;
  /** Whether this person may still sign it (e.g. not signed by them yet); the API decides in the end. */
  canSign?: (document: D) => boolean;
  onSigned?: () => void;
  /** After a refusal (e.g. someone else signed or sealed meanwhile): what around it must be read again. */
  onRefused?: () => void;
  /** Where this person makes a key (the portal's or the console's keys screen). */
  keysPath?: string;
}

async function sha256Hex(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...hash].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads a document, then signs it on this device: the readable document and its digest first, the
 * digest computed again here from the canonical bytes, the signatures already on it; then the key,
 * a confirmation and the signature over exactly the bytes served. Refusals are shown in words.
 * Shared by the portal's signing area and the console's counting record.
 */
export function SignDocument<D extends SignableDocument>(props: SignDocumentProps<D>) {
  const { t } = useTranslation();
  const document = useQuery({ queryKey: props.queryKey, queryFn: props.fetchDocument });
  const checked = useQuery({
    queryKey: [...props.queryKey, 'digest-check', document.data?.canonical],
    queryFn: async () => (await sha256Hex(document.data!.canonical)) === document.data!.digest,
    enabled: Boolean(document.data),
  });
  const keys = useMyKeys();
  const [keyId, setKeyId] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const key = keys.usable.find((item) => item.id === keyId) ?? keys.usable[0];

  // One attempt = one document digest signed with one key: a retry after a lost answer sends the same
  // signature under the same Idempotency-Key (an ECDSA signature differs each time it is made), so the
  // API replays its first answer instead of refusing a second signature.
  const attempt = useRef<{ of: string; idempotencyKey: string; signature: string }>(undefined);
  const sign = useMutation({
    mutationFn: async () => {
      const current = document.data!;
      const of = `${current.digest}:${key.id}`;
      if (attempt.current?.of !== of) {
        const signature = await signText(key.device!, current.canonical);
        attempt.current = { of, idempotencyKey: crypto.randomUUID(), signature };
      }
      const { idempotencyKey, signature } = attempt.current;
      return props.postSignature({ digest: current.digest, signingKeyId: key.id, signature }, idempotencyKey);
    },
    onSuccess: () => {
      attempt.current = undefined;
      setConfirmed(false);
      void document.refetch();
      props.onSigned?.();
    },
    // A changed document (digest_mismatch) or a revoked key: show the current state to read again.
    onError: () => {
      setConfirmed(false);
      void document.refetch();
      void keys.refresh();
      props.onRefused?.();
    },
  });

  if (document.isLoading) return <Spin description={t('signing.loading')} />;
  if (!document.data) return <ProblemAlert error={document.error} />;
  const data = document.data;
  const signable = props.canSign?.(data) ?? true;

  return (
    <section aria-labelledby="sign-document-title" className="sign-document">
      <Typography.Title level={2} id="sign-document-title">
        {props.title}
      </Typography.Title>
      {props.render(data)}
      <Descriptions bordered column={1} size="small" className="sign-document-digest">
        <Descriptions.Item label={t('signing.digest')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {data.digest}
          </Typography.Text>
          <Typography.Paragraph type="secondary">{t('signing.digestHelp')}</Typography.Paragraph>
          {checked.data === true && <Typography.Text strong>{t('signing.digestChecked')}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      {checked.data === false && <Alert role="alert" type="error" showIcon title={t('signing.digestWrong')} />}
      <Collapse
        size="small"
        items={[
          {
            key: 'canonical',
            label: t('signing.canonical'),
            children: <pre className="sign-document-canonical">{data.canonical}</pre>,
          },
        ]}
      />
      <Typography.Title level={3}>{t('signing.signatures')}</Typography.Title>
      <List
        size="small"
        dataSource={data.signatures}
        locale={{ emptyText: <Typography.Text type="secondary">{t('signing.noSignatures')}</Typography.Text> }}
        renderItem={(signature) => (
          <List.Item>
            {t('signing.signedBy', {
              name: signature.signerName,
              unit: signature.unitName ?? signature.capacity,
              at: formatDateTime(signature.signedAt),
              fingerprint: signature.keyFingerprint.slice(0, 16),
            })}
          </List.Item>
        )}
      />
      {sign.isSuccess && <Alert role="status" type="success" showIcon title={t('signing.signed')} />}
      <ProblemAlert error={sign.error} title={t('signing.refused')} />
      {signable && !sign.isSuccess && (
        <SignControls
          keyOptions={keys.usable.map((item) => ({
            value: item.id,
            label: t('signing.keyOption', {
              label: item.label ?? item.algorithm,
              fingerprint: item.fingerprint.slice(0, 16),
            }),
          }))}
          keyId={key?.id}
          onKey={setKeyId}
          confirmed={confirmed}
          onConfirm={setConfirmed}
          busy={sign.isPending}
          disabled={checked.data !== true}
          onSign={() => sign.mutate()}
          loadingKeys={keys.isLoading}
          keysPath={props.keysPath ?? '/portal/keys'}
        />
      )}
    </section>
  );
}

function SignControls(props: {
  keyOptions: { value: string; label: string }[];
  keyId?: string;
  onKey: (id: string) => void;
  confirmed: boolean;
  onConfirm: (value: boolean) => void;
  busy: boolean;
  disabled: boolean;
  onSign: () => void;
  loadingKeys: boolean;
  keysPath: string;
}) {
  const { t } = useTranslation();
  if (props.loadingKeys) return null;
  if (props.keyOptions.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('signing.noKey')}
        description={<Link to={props.keysPath}>{t('signing.toKeys')}</Link>}
      />
    );
  }
  return (
    <Flex vertical gap="small" className="sign-document-controls">
      <label htmlFor="sign-document-key">{t('signing.key')}</label>
      <Select id="sign-document-key" value={props.keyId} onChange={props.onKey} options={props.keyOptions} />
      <Checkbox checked={props.confirmed} onChange={(event) => props.onConfirm(event.target.checked)}>
        {t('signing.confirm')}
      </Checkbox>
      <Button type="primary" onClick={props.onSign} loading={props.busy} disabled={!props.confirmed || props.disabled}>
        {props.busy ? t('signing.signing') : t('signing.sign')}
      </Button>
    </Flex>
  );
}
