import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../format/format';
import { SignDocument } from '../../signing/sign-document';

type HandoverDocument = Schemas['HandoverDocumentResponseDto'];

/** /portal/signing/handover/:handoverId/(release|receipt): the handover record, read, then signed. */
export function HandoverSigning() {
  const { t } = useTranslation();
  const { handoverId, step } = useParams() as { handoverId: string; step: 'release' | 'receipt' };
  const path = { id: handoverId };
  const route = step === 'receipt' ? '/api/v1/flag-handovers/{id}/receipt' : '/api/v1/flag-handovers/{id}/release';
  return (
    <>
      <Link to="/portal/signing">{t('portal.signing.back')}</Link>
      <Typography.Title level={1}>{t(`portal.signing.handover.${step}`)}</Typography.Title>
      <SignDocument<HandoverDocument>
        title={t('portal.signing.documentHeading')}
        queryKey={['flag-handovers', handoverId, 'document']}
        fetchDocument={() => unwrap(api.GET('/api/v1/flag-handovers/{id}/document', { params: { path } }))}
        postSignature={(body, key) =>
          unwrap(api.POST(route, { params: { path, header: { 'Idempotency-Key': key } }, body }))
        }
        canSign={(document) => document.signatures.length === (step === 'release' ? 0 : 1)}
        render={(document) => <HandoverContent content={document.content} />}
      />
    </>
  );
}

function HandoverContent({ content }: { content: HandoverDocument['content'] }) {
  const { t } = useTranslation();
  return (
    <Descriptions bordered column={1} size="small">
      <Descriptions.Item label={t('portal.signing.handover.flag')}>{content.flag.name}</Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.cycle')}>{content.cycle.year}</Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.date')}>{formatDate(content.date)}</Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.place')}>{content.place}</Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.from')}>{content.from.unit.name}</Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.to')}>{content.to.unit.name}</Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.witnesses')}>
        {content.witnesses.join('; ')}
      </Descriptions.Item>
      <Descriptions.Item label={t('portal.signing.handover.election')}>
        {t('portal.signing.handover.electionValue', { year: content.election.termYear })}
      </Descriptions.Item>
    </Descriptions>
  );
}
