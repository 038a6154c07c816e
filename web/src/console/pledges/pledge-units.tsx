import { Table, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';

type Pledge = Schemas['PledgeResponseDto'];
type UnitStatus = Schemas['PledgeUnitStatusDto'];
type Signature = Schemas['DocumentSignatureDto'];

const COLOURS = { draft: 'warning', submitted: 'processing', approved: 'processing', signed: 'success' } as const;

/** Each member unit of the version: targets drafted, submitted, approved, signed (by whom, when, with which key). */
export function PledgeUnits({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pledges-units">
      <Typography.Title level={2} id="pledges-units">
        {t('console.pledges.units.title')}
      </Typography.Title>
      <Table<UnitStatus>
        rowKey="unitPledgeId"
        size="small"
        pagination={false}
        dataSource={pledge.units}
        columns={[
          { key: 'unit', title: t('console.pledges.units.unit'), render: (_, row) => row.unit.name },
          {
            key: 'status',
            title: t('console.pledges.units.status'),
            render: (_, row) => (
              <Badge status={COLOURS[row.status]} text={t(`console.pledges.unitStatus.${row.status}`)} />
            ),
          },
          {
            key: 'signer',
            title: t('console.pledges.units.signer'),
            render: (_, row) => {
              const signature = row.signature as Signature | null;
              return signature
                ? t('console.pledges.units.signedBy', {
                    name: signature.signerName,
                    capacity: t(`console.pledges.capacity.${signature.capacity}`, { defaultValue: signature.capacity }),
                  })
                : '—';
            },
          },
          {
            key: 'signedAt',
            title: t('console.pledges.units.signedAt'),
            render: (_, row) => {
              const signature = row.signature as Signature | null;
              return signature ? formatDateTime(signature.signedAt) : '—';
            },
          },
          {
            key: 'key',
            title: t('console.pledges.units.key'),
            render: (_, row) => {
              const signature = row.signature as Signature | null;
              if (!signature) return '—';
              return (
                <>
                  <code>{signature.keyFingerprint.slice(0, 16)}…</code>
                  {signature.keyRevokedAt ? (
                    <div>{t('console.pledges.units.keyRevoked', { at: formatDateTime(signature.keyRevokedAt) })}</div>
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
    </section>
  );
}
