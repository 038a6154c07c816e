import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { SignDocument } from '../../signing/sign-document';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePortalScope } from '../portal-scope';
import { PledgeBundle } from './pledge-bundle';

type UnitPledgeDocument = Schemas['UnitPledgeSignableDocumentDto'];

/** /portal/signing/pledge/:unitPledgeId: the unit's pledge, read, then signed by its head. */
export function PledgeSigning() {
  const { t } = useTranslation();
  const { unitPledgeId } = useParams() as { unitPledgeId: string };
  const path = { id: unitPledgeId };
  const unitPledge = useQuery({
    queryKey: ['unit-pledges', unitPledgeId],
    queryFn: () => unwrap(api.GET('/api/v1/unit-pledges/{id}', { params: { path } })),
  });
  const { cycle } = usePortalScope();
  const title = unitPledge.data
    ? t('portal.signing.pledge.title', { unit: unitPledge.data.unit.name, year: cycle?.year })
    : t('portal.signing.title');
  return (
    <>
      <Link to="/portal/signing">{t('portal.signing.back')}</Link>
      <Typography.Title level={1}>{title}</Typography.Title>
      <ProblemAlert error={unitPledge.error} />
      {unitPledge.data && unitPledge.data.status !== 'approved' && unitPledge.data.status !== 'signed' && (
        <Typography.Paragraph>{t('portal.signing.pledge.notReady')}</Typography.Paragraph>
      )}
      {unitPledge.data && (unitPledge.data.status === 'approved' || unitPledge.data.status === 'signed') && (
        <SignDocument<UnitPledgeDocument>
          title={t('portal.signing.documentHeading')}
          queryKey={['unit-pledges', unitPledgeId, 'document']}
          fetchDocument={() => unwrap(api.GET('/api/v1/unit-pledges/{id}/document', { params: { path } }))}
          postSignature={(body, key) =>
            unwrap(
              api.POST('/api/v1/unit-pledges/{id}/signatures', {
                params: { path, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          canSign={(document) => document.signatures.length === 0}
          onSigned={() => void unitPledge.refetch()}
          render={(document) => <PledgeContent content={document.content} />}
        />
      )}
      {unitPledge.data && <PledgeBundle pledgeId={unitPledge.data.pledgeId} />}
    </>
  );
}

/** The unit's pledge as a person reads it: the shared text and the unit's targets. */
function PledgeContent({ content }: { content: UnitPledgeDocument['content'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={t('portal.signing.pledge.cluster')}>{content.cluster.name}</Descriptions.Item>
        <Descriptions.Item label={t('portal.signing.pledge.cycle')}>{content.cycle.year}</Descriptions.Item>
        <Descriptions.Item label={t('portal.signing.pledge.unit')}>{content.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('portal.signing.pledge.version')}>{content.pledge.version}</Descriptions.Item>
        <Descriptions.Item label={t('portal.signing.pledge.rules')}>
          {t('portal.signing.pledge.rulesValue', { number: content.rulesVersion.number })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3}>{t('portal.signing.pledge.sharedText')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{content.sharedText}</Typography.Paragraph>
      <Typography.Title level={3}>{t('portal.signing.pledge.targets')}</Typography.Title>
      <Table
        rowKey="position"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={content.targets}
        columns={[
          { key: 'position', title: '#', dataIndex: 'position' },
          { key: 'indicator', title: t('portal.signing.pledge.indicator'), dataIndex: 'indicator' },
          { key: 'unitOfMeasure', title: t('portal.signing.pledge.unitOfMeasure'), dataIndex: 'unitOfMeasure' },
          { key: 'targetValue', title: t('portal.signing.pledge.targetValue'), dataIndex: 'targetValue' },
          { key: 'baseline', title: t('portal.signing.pledge.baseline'), dataIndex: 'baseline' },
        ]}
      />
    </>
  );
}
