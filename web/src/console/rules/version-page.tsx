import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Descriptions, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { AdoptionProgress } from './adoption-progress';
import { ContentTables, CriteriaView } from './content-tables';
import { DefaultsTable } from './defaults-table';
import { PinToYear } from './pin-to-year';
import { RulesEditor } from './rules-editor';
import { rulesVersionQuery } from './rules-queries';
import { STATUS_BADGE } from './versions-page';

type Version = Schemas['RulesVersionResponseDto'];

/** One rules version: edited while a draft, then its adoption by the heads and its pinning to the year. */
export function VersionPage() {
  const { t } = useTranslation();
  const { versionId } = useParams<{ versionId: string }>();
  const version = useQuery({
    ...rulesVersionQuery(versionId ?? ''),
    enabled: Boolean(versionId),
    // The heads act elsewhere: while it waits for them, its status is read again.
    refetchInterval: (query) => (query.state.data?.status === 'proposed' ? 3000 : false),
  });
  const data = version.data;
  return (
    <Flex vertical gap="large">
      <Link to="/console/rules">{t('console.rules.version.back')}</Link>
      <Typography.Title level={1}>
        {data
          ? t('console.rules.version.heading', { number: data.number, title: data.title })
          : t('console.rules.title')}
      </Typography.Title>
      <ProblemAlert error={version.error} />
      {version.isPending && <Spin description={t('console.rules.loading')} />}
      {data && <VersionBody version={data} />}
    </Flex>
  );
}

function VersionBody({ version }: { version: Version }) {
  const { t } = useTranslation();
  const status = version.status as keyof typeof STATUS_BADGE;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('console.rules.list.status'),
            children: <Badge status={STATUS_BADGE[status] ?? 'default'} text={t(`console.rules.status.${status}`)} />,
          },
          { key: 'maxPoints', label: t('console.rules.version.maxPoints'), children: version.maxPoints },
          ...(version.adoptedAt
            ? [
                {
                  key: 'adoptedAt',
                  label: t('console.rules.list.adoptedAt'),
                  children: formatDateTime(version.adoptedAt),
                },
              ]
            : []),
          ...(version.replacesId
            ? [
                {
                  key: 'replaces',
                  label: t('console.rules.version.replaces'),
                  children: <Link to={`/console/rules/${version.replacesId}`}>{version.replacesId.slice(0, 8)}</Link>,
                },
              ]
            : []),
          { key: 'digest', label: t('console.rules.version.digest'), children: <code>{version.contentDigest}</code> },
        ]}
      />
      {version.status === 'draft' ? (
        <RulesEditor key={`${version.id}:${version.version}`} version={version} />
      ) : (
        <>
          <Alert type="info" role="note" showIcon title={t('console.rules.version.readOnly')} />
          <CriteriaView content={version.content} />
          <ContentTables content={version.content} clusterId={version.clusterId} />
        </>
      )}
      <DefaultsTable clusterId={version.clusterId} />
      {version.approval && version.status !== 'draft' && (
        <AdoptionProgress requestId={version.approval.requestId} waiting={version.status === 'proposed'} />
      )}
      {version.status === 'adopted' && (
        <>
          <PinToYear versionId={version.id} />
          <AmendButton version={version} />
        </>
      )}
    </>
  );
}

/** An adopted version never changes: a change is an amendment drafted from it. */
function AmendButton({ version }: { version: Version }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const amend = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/rules-versions/{id}/amendments', {
          params: { path: { id: version.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { title: t('console.rules.version.amendTitle', { title: version.title }) },
        }),
      ),
    onSuccess: (draft) => void navigate(`/console/rules/${draft.id}`),
  });
  return (
    <div>
      <ProblemAlert error={amend.error} />
      <Button onClick={() => amend.mutate()} loading={amend.isPending}>
        {t('console.rules.version.amend')}
      </Button>
    </div>
  );
}
