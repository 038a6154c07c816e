import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { SignDocument } from '../../signing/sign-document';
import { useConsoleScope } from '../console-scope';

type Pledge = Schemas['PledgeResponseDto'];
type SealDocument = Schemas['PledgeSealSignableDocumentDto'];
type Reference = SealDocument['content']['references'][number];

/**
 * The clerk countersigns the seal for the secretariat, on this device, when the pledge's rules say so
 * (docs/console/pledges.md): the seal document as read (each unit's signed pledge by its digest) and
 * its digest first, then the clerk's device key — the same reading and signing as the counting record.
 */
export function SealSigning({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  const queryClient = useQueryClient();
  const path = { id: pledge.id };
  const unitName = new Map(pledge.units.map((item) => [item.unit.code, item.unit.name]));
  return (
    <Card>
      <SignDocument<SealDocument>
        title={t('console.pledges.seal.sign.title')}
        queryKey={['pledges', pledge.id, 'seal-document']}
        fetchDocument={() => unwrap(api.GET('/api/v1/pledges/{id}/seal-document', { params: { path } }))}
        postSignature={(body, key) =>
          unwrap(
            api.POST('/api/v1/pledges/{id}/seal', {
              params: { path, header: { 'Idempotency-Key': key } },
              body,
            }),
          )
        }
        keysPath="/console/keys"
        onSigned={() => void queryClient.invalidateQueries({ queryKey: ['cycles', cycle?.id, 'pledges'] })}
        onRefused={() => void queryClient.invalidateQueries({ queryKey: ['cycles', cycle?.id, 'pledges'] })}
        render={(document) => (
          <>
            <Typography.Paragraph>{t('console.pledges.seal.sign.lead')}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'cluster',
                  label: t('console.pledges.seal.sign.cluster'),
                  children: document.content.cluster.name,
                },
                { key: 'year', label: t('console.pledges.seal.sign.year'), children: document.content.cycle.year },
                {
                  key: 'version',
                  label: t('console.pledges.seal.sign.version'),
                  children: t('console.pledges.seal.sign.versionValue', {
                    number: document.content.pledge.version,
                    rules: document.content.rulesVersion.number,
                  }),
                },
                {
                  key: 'text',
                  label: t('console.pledges.seal.sign.sharedText'),
                  children: <code style={{ wordBreak: 'break-all' }}>{document.content.sharedTextDigest}</code>,
                },
              ]}
            />
            <Table<Reference>
              style={{ marginTop: 16 }}
              size="small"
              pagination={false}
              rowKey="unitId"
              dataSource={document.content.references}
              caption={t('console.pledges.seal.sign.references')}
              columns={[
                {
                  key: 'unit',
                  title: t('console.pledges.seal.sign.unit'),
                  render: (_, reference) => unitName.get(reference.unitCode) ?? reference.unitCode,
                },
                {
                  key: 'digest',
                  title: t('console.pledges.seal.sign.unitDigest'),
                  render: (_, reference) => <code style={{ wordBreak: 'break-all' }}>{reference.digest}</code>,
                },
              ]}
            />
          </>
        )}
      />
    </Card>
  );
}
