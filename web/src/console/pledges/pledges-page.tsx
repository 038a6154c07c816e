import { useQuery } from '@tanstack/react-query';
import { Alert, Collapse, Space, Spin, Typography, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { PledgeDownloads } from './pledge-downloads';
import { PledgeProgress } from './pledge-progress';
import { PledgeUnits } from './pledge-units';
import { SealPanel } from './seal-panel';
import { SharedText } from './shared-text';
import { CreatePledgeForm } from './shared-text-forms';

type Pledge = Schemas['PledgeResponseDto'];

/** `/console/pledges`: the year's pledge, version by version, from the shared text to the seal. */
export function PledgesPage() {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  const pledges = useQuery({
    queryKey: ['cycles', cycle?.id, 'pledges'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cycles/{cycleId}/pledges', {
          params: { path: { cycleId: cycle!.id }, query: { pageSize: 100 } },
        }),
      ),
    enabled: Boolean(cycle),
  });
  const versions = pledges.data?.items ?? [];
  const current = versions.find((pledge) => pledge.current);
  const older = versions.filter((pledge) => !pledge.current);

  return (
    <section aria-labelledby="pledges-title">
      <Typography.Title level={1} id="pledges-title">
        {t('console.pledges.title')}
      </Typography.Title>
      {!cycle ? (
        <Alert type="info" showIcon title={t('console.pledges.noCycle')} />
      ) : pledges.isPending ? (
        <Spin description={t('console.pledges.loading')} />
      ) : pledges.error ? (
        <ProblemAlert error={pledges.error} />
      ) : !current ? (
        <CreatePledgeForm cycleId={cycle.id} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <VersionHeading pledge={current} />
          <SharedText pledge={current} />
          <PledgeUnits pledge={current} />
          <SealPanel pledge={current} />
          <PledgeDownloads pledge={current} />
          {older.length > 0 ? <OlderVersions versions={older} /> : null}
          <PledgeProgress cycleId={cycle.id} />
        </Space>
      )}
    </section>
  );
}

function VersionHeading({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation();
  const signed = pledge.units.filter((unit) => unit.status === 'signed').length;
  return (
    <Space wrap>
      <Typography.Text strong>{t('console.pledges.version', { number: pledge.number })}</Typography.Text>
      <Badge
        status={pledge.status === 'sealed' ? 'success' : 'processing'}
        text={t(`console.pledges.status.${pledge.status}`)}
      />
      <Typography.Text>{t('console.pledges.signedCount', { signed, count: pledge.units.length })}</Typography.Text>
      {pledge.sealedAt ? (
        <Typography.Text>{t('console.pledges.sealedAt', { at: formatDateTime(pledge.sealedAt) })}</Typography.Text>
      ) : null}
    </Space>
  );
}

function OlderVersions({ versions }: { versions: Pledge[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pledges-older">
      <Typography.Title level={2} id="pledges-older">
        {t('console.pledges.older.title')}
      </Typography.Title>
      <Collapse
        items={versions.map((pledge) => ({
          key: pledge.id,
          label: t('console.pledges.older.label', {
            number: pledge.number,
            status: t(`console.pledges.status.${pledge.status}`),
          }),
          children: (
            <>
              {pledge.amendmentReason ? (
                <Typography.Paragraph>
                  {t('console.pledges.older.reason', { reason: pledge.amendmentReason })}
                </Typography.Paragraph>
              ) : null}
              <Typography.Paragraph>{pledge.sharedText}</Typography.Paragraph>
              <PledgeDownloads pledge={pledge} headingLevel={3} />
            </>
          ),
        }))}
      />
    </section>
  );
}
