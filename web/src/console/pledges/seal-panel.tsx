import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { SealSigning } from './seal-signing';

type Pledge = Schemas['PledgeResponseDto'];
type Signature = Schemas['DocumentSignatureDto'];

/**
 * The seal: one countersignature over every unit's signed document. Who countersigns is the rules'
 * choice (the leader unit's head, or the secretariat); checking the seal asks the API for the seal
 * document, which it refuses, naming the units, until every member unit has signed. When the rules
 * name the secretariat, the clerk countersigns here, with this device's key (SealSigning).
 */
export function SealPanel({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  const rules = useQuery({
    queryKey: ['rules-versions', pledge.rulesVersionId],
    queryFn: () => unwrap(api.GET('/api/v1/rules-versions/{id}', { params: { path: { id: pledge.rulesVersionId } } })),
  });
  const leaderships = useQuery({
    queryKey: ['clusters', pledge.clusterId, 'leaderships'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/clusters/{clusterId}/leaderships', {
          params: { path: { clusterId: pledge.clusterId }, query: { pageSize: 100 } },
        }),
      ),
  });
  const check = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/pledges/{id}/seal-document', { params: { path: { id: pledge.id } } })),
  });

  const countersignedBy = rules.data?.content.pledge?.countersignedBy ?? 'cluster_leader_head';
  const bySecretariat = countersignedBy === 'secretariat';
  const year = cycle?.year ?? 0;
  const leaders = (leaderships.data?.items ?? []).filter((term) => term.role === 'leader');
  // The pledge is often signed before the year's leader is elected: the previous year's leader, still in office, seals.
  const leader = leaders.find((term) => term.termYear === year) ?? leaders.find((term) => term.termYear === year - 1);
  const seal = pledge.seal as Signature | null;
  const missing =
    check.error instanceof ApiProblem
      ? ((check.error.problem.missingUnits as { name: string }[] | undefined) ?? [])
      : [];

  return (
    <section aria-labelledby="pledges-seal">
      <Typography.Title level={2} id="pledges-seal">
        {t('console.pledges.seal.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {bySecretariat
          ? t('console.pledges.seal.bySecretariat')
          : leader
            ? t('console.pledges.seal.byLeader', { unit: leader.unit.name, year: leader.termYear })
            : t('console.pledges.seal.byLeaderUnknown')}
      </Typography.Paragraph>
      {seal ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'signer', label: t('console.pledges.seal.signer'), children: seal.signerName },
            {
              key: 'capacity',
              label: t('console.pledges.seal.capacity'),
              children: t(`console.pledges.capacity.${seal.capacity}`, { defaultValue: seal.capacity }),
            },
            { key: 'at', label: t('console.pledges.seal.at'), children: formatDateTime(seal.signedAt) },
            { key: 'digest', label: t('console.pledges.seal.digest'), children: <code>{seal.digest}</code> },
          ]}
        />
      ) : (
        <>
          <Button type={bySecretariat ? 'primary' : 'default'} loading={check.isPending} onClick={() => check.mutate()}>
            {bySecretariat ? t('console.pledges.seal.sign.open') : t('console.pledges.seal.check')}
          </Button>
          <div role="status" aria-live="polite" style={{ marginTop: 8 }}>
            {check.data ? (
              <Alert
                type="success"
                showIcon
                title={t('console.pledges.seal.ready', { count: check.data.content.references.length })}
                description={
                  bySecretariat
                    ? t('console.pledges.seal.readySecretariat', { digest: check.data.digest })
                    : t('console.pledges.seal.readyLeader', {
                        digest: check.data.digest,
                        who: leader
                          ? t('console.pledges.seal.leaderHead', { unit: leader.unit.name })
                          : t('console.pledges.capacity.cluster_leader_head'),
                      })
                }
              />
            ) : null}
          </div>
          {check.error ? <ProblemAlert error={check.error} title={t('console.pledges.seal.refused')} /> : null}
          {missing.length > 0 ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t('console.pledges.seal.missing', { names: missing.map((unit) => unit.name).join(', ') })}
            </Typography.Paragraph>
          ) : null}
          {check.data && bySecretariat ? <SealSigning pledge={pledge} /> : null}
        </>
      )}
    </section>
  );
}
