import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { flagKeys } from './flag-keys';

type Chain = Schemas['CustodyChainResponseDto'];
type Period = Schemas['CustodyPeriodDto'];
type Incident = Schemas['FlagIncidentResponseDto'];

/** The custody chain, oldest first: held by whom, from and to, under which election, which signed record, incidents. */
export function CustodyTimeline({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <h2 id="custody-title" style={{ margin: 0, fontSize: 16 }}>
          {t('console.flag.chain.title')}
        </h2>
      }
    >
      <section aria-labelledby="custody-title">
        <Timeline
          items={chain.periods.map((period) => ({
            key: period.id,
            color: period.state === 'in_transit' ? 'orange' : period.endedAt ? 'gray' : 'green',
            children: <PeriodItem period={period} />,
          }))}
        />
      </section>
    </Card>
  );
}

function PeriodItem({ period }: { period: Period }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text strong>
        {period.position}. {period.custodian ? period.custodian.name : t('console.flag.chain.inTransit')}
      </Typography.Text>
      <Typography.Text>
        {period.endedAt
          ? t('console.flag.chain.fromTo', {
              from: formatDateTime(period.startedAt),
              to: formatDateTime(period.endedAt),
            })
          : t('console.flag.chain.since', { from: formatDateTime(period.startedAt) })}
        {' · '}
        {t(`console.flag.chain.cause.${period.cause}`)}
      </Typography.Text>
      {period.election && (
        <Typography.Text>{t('console.flag.chain.election', { year: period.election.termYear })}</Typography.Text>
      )}
      {period.signedRecord && (
        <Typography.Text>
          {t('console.flag.chain.record', {
            digest: period.signedRecord.digest.slice(0, 16),
            signers: period.signedRecord.signatures.map((s) => s.signerName).join(', '),
          })}
        </Typography.Text>
      )}
      {period.incidents.map((incident) => (
        <IncidentItem key={incident.id} incident={incident} />
      ))}
    </Space>
  );
}

/** An incident of the period (reported by the custodian's head in the portal); the clerk resolves it once. */
function IncidentItem({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/flag-incidents/{id}/resolve', {
          params: { path: { id: incident.id } },
          body: { resolution },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flagKeys.all }),
  });
  return (
    <Card size="small">
      <Tag>{t(`console.flag.incident.kind.${incident.kind}`)}</Tag>
      {incident.occurredOn && formatDate(incident.occurredOn)} {incident.description}
      {incident.status === 'resolved' ? (
        <Typography.Paragraph>
          {t('console.flag.incident.resolved', { resolution: incident.resolution ?? '' })}
        </Typography.Paragraph>
      ) : (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            aria-label={t('console.flag.incident.resolution')}
            placeholder={t('console.flag.incident.resolution')}
            value={resolution}
            onChange={(event) => setResolution(event.target.value)}
          />
          <Button onClick={() => resolve.mutate()} disabled={!resolution.trim()} loading={resolve.isPending}>
            {t('console.flag.incident.resolve')}
          </Button>
        </Space.Compact>
      )}
      <ProblemAlert error={resolve.error} />
    </Card>
  );
}
