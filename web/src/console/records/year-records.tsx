import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { downloadPdf } from './pdf-download';

type Cycle = Schemas['CycleResponseDto'];
interface RecordRow {
  key: string;
  title: string;
  status: string;
  fileName: string;
  fetch: () => Promise<{ data?: Blob; error?: unknown; response: Response }>;
}

const pageOf = { pageSize: 100 } as const;

/** Finds the year's records from its data: results, each pledge version, each tallied poll, each handover. */
function useYearRecords(cycle: Cycle) {
  const { t } = useTranslation();
  const pledges = useQuery({
    queryKey: ['cycles', cycle.id, 'pledges'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cycles/{cycleId}/pledges', { params: { path: { cycleId: cycle.id }, query: pageOf } })),
  });
  const meetings = useQuery({
    queryKey: ['cycles', cycle.id, 'meetings'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/cycles/{cycleId}/meetings', { params: { path: { cycleId: cycle.id }, query: pageOf } })),
  });
  const polls = useQueries({
    queries: (meetings.data?.items ?? []).map((meeting) => ({
      queryKey: ['meetings', meeting.id, 'polls'],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/meetings/{meetingId}/polls', { params: { path: { meetingId: meeting.id }, query: pageOf } }),
        ),
    })),
  });
  // A cluster without a registered flag answers 404: then there is simply no handover record.
  const flag = useQuery({
    queryKey: ['clusters', cycle.clusterId, 'flag'],
    queryFn: () =>
      api
        .GET('/api/v1/clusters/{id}/flag', { params: { path: { id: cycle.clusterId } } })
        .then((result) => (result.response.status === 404 ? null : unwrap(Promise.resolve(result)))),
  });
  const custody = useQuery({
    queryKey: ['flags', flag.data?.id, 'custody'],
    queryFn: () => unwrap(api.GET('/api/v1/flags/{id}/custody', { params: { path: { id: flag.data!.id } } })),
    enabled: Boolean(flag.data),
  });

  const rows: RecordRow[] = [
    {
      key: 'results',
      title: t('console.records.list.results', { year: cycle.year }),
      status: t('console.records.list.resultsStatus'),
      fileName: `ket-qua-${cycle.year}.pdf`,
      fetch: () =>
        api.GET('/api/v1/cycles/{cycleId}/results.pdf', { params: { path: { cycleId: cycle.id } }, parseAs: 'blob' }),
    },
    ...(pledges.data?.items ?? []).map((pledge) => ({
      key: `pledge-${pledge.id}`,
      title: t('console.records.list.pledge', { number: pledge.number }),
      status: t(pledge.sealedAt ? 'console.records.list.sealed' : 'console.records.list.notSealed'),
      fileName: `giao-uoc-${cycle.year}-v${pledge.number}.pdf`,
      fetch: () => api.GET('/api/v1/pledges/{id}/record.pdf', { params: { path: { id: pledge.id } }, parseAs: 'blob' }),
    })),
    ...polls
      .flatMap((result) => result.data?.items ?? [])
      .filter((poll) => poll.status === 'tallied' || poll.status === 'certified')
      .map((poll) => ({
        key: `poll-${poll.id}`,
        title: t('console.records.list.counting', { title: poll.title, round: poll.round }),
        status: t(poll.status === 'certified' ? 'console.records.list.certified' : 'console.records.list.notCertified'),
        fileName: `kiem-phieu-${poll.id.slice(0, 8)}.pdf`,
        fetch: () =>
          api.GET('/api/v1/polls/{id}/counting-record.pdf', { params: { path: { id: poll.id } }, parseAs: 'blob' }),
      })),
    ...(custody.data?.handovers ?? [])
      .filter((handover) => handover.cycleId === cycle.id)
      .map((handover) => ({
        key: `handover-${handover.id}`,
        title: t('console.records.list.handover', { from: handover.from.name, to: handover.to.name }),
        status: t(`console.records.list.handoverStatus.${handover.status}`),
        fileName: `ban-giao-co-${handover.id.slice(0, 8)}.pdf`,
        fetch: () =>
          api.GET('/api/v1/flag-handovers/{id}/record.pdf', { params: { path: { id: handover.id } }, parseAs: 'blob' }),
      })),
  ];
  const loading = pledges.isPending || meetings.isPending || polls.some((poll) => poll.isPending) || flag.isPending;
  const error =
    pledges.error ?? meetings.error ?? flag.error ?? custody.error ?? polls.find((poll) => poll.error)?.error;
  return { rows, loading, error };
}

/** Every record of the chosen year as a PDF, each fetched when asked (generation can take a moment). */
export function YearRecords({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const { rows, loading, error } = useYearRecords(cycle);
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<unknown>();

  const open = async (row: RecordRow) => {
    setBusy(row.key);
    setFailed(undefined);
    try {
      await downloadPdf(row.fetch(), row.fileName);
    } catch (caught) {
      setFailed(caught);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="records-year" className="records-section">
      <Typography.Title level={2} id="records-year">
        {t('console.records.list.heading', { year: cycle.year })}
      </Typography.Title>
      <ProblemAlert error={error} />
      <ProblemAlert error={failed} />
      {loading && <Spin description={t('console.records.list.finding')} />}
      <List
        dataSource={rows}
        renderItem={(row) => (
          <List.Item
            actions={[
              <Button
                key="download"
                loading={busy === row.key}
                onClick={() => void open(row)}
                aria-label={t('console.records.list.downloadNamed', { title: row.title })}
              >
                {busy === row.key ? t('console.records.list.making') : t('console.records.list.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={row.title} description={row.status} />
          </List.Item>
        )}
      />
    </section>
  );
}
