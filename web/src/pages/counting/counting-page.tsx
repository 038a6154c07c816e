import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap, useProblemMessage } from '../../api/client';
import { RequireSignIn, useSession } from '../../auth/session';
import { useMeetingEvents } from '../../meeting/queries';
import { CountComparison } from './count-comparison';
import { CountForm } from './count-form';
import { useLineLabel } from './sheet-lines';
import '../delegate/delegate.css';
import './counting.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const countingKeys = {
  poll: (pollId: string) => ['poll', pollId] as const,
  entries: (pollId: string) => ['poll', pollId, 'paper-entries'] as const,
};

/**
 * A counting board member's own page (/meetings/{m}/polls/{p}/count), phone first, plain HTML:
 * after the close, the member enters the whole count sheet; once both members have entered, the
 * lines where they disagree are shown one by one, and a figure is corrected with a reason.
 */
export default function CountingPage() {
  const { meetingId = '', pollId = '' } = useParams();
  const { t } = useTranslation();
  if (!UUID.test(meetingId) || !UUID.test(pollId)) {
    return (
      <section className="delegate" aria-labelledby="counting-title">
        <h1 id="counting-title">{t('counting.notFound')}</h1>
      </section>
    );
  }
  return (
    <RequireSignIn>
      <Counting meetingId={meetingId.toLowerCase()} pollId={pollId.toLowerCase()} />
    </RequireSignIn>
  );
}

function Counting({ meetingId, pollId }: { meetingId: string; pollId: string }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { me } = useSession();
  const poll = useQuery({
    queryKey: countingKeys.poll(pollId),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}', { params: { path: { id: pollId } } })),
  });
  const closed = poll.data?.status === 'closed';
  const entries = useQuery({
    queryKey: countingKeys.entries(pollId),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/paper-entries', { params: { path: { id: pollId } } })),
    enabled: poll.isSuccess && poll.data.status !== 'draft' && poll.data.status !== 'open',
    // The other member's entries raise no event: while counting, read them again every few seconds.
    refetchInterval: closed ? 3000 : false,
  });
  useMeetingEvents(meetingId, poll.isSuccess);

  if (poll.isPending) return <p role="status">{t('app.loading')}</p>;
  if (poll.isError) {
    return (
      <section className="delegate" aria-labelledby="counting-title">
        <h1 id="counting-title">{t('counting.unavailable')}</h1>
        <p role="alert">{problemMessage(poll.error)}</p>
      </section>
    );
  }
  const data = poll.data;
  const myId = me?.user.id ?? '';
  return (
    <div className="delegate counting">
      <header className="delegate-meeting">
        <h1 id="counting-title">{t('counting.title')}</h1>
        <p>{data.title}</p>
        <p>{t(`meeting.pollStatus.${data.status}`)}</p>
      </header>
      {data.status === 'draft' || data.status === 'open' ? (
        <p className="delegate-card">{t('counting.notYet')}</p>
      ) : entries.isError ? (
        <p role="alert" className="error">
          {problemMessage(entries.error)}
        </p>
      ) : entries.data ? (
        <Sheet poll={data} entries={entries.data} myId={myId} />
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </div>
  );
}

function Sheet({
  poll,
  entries,
  myId,
}: {
  poll: Parameters<typeof useLineLabel>[0];
  entries: Parameters<typeof CountComparison>[0]['entries'];
  myId: string;
}) {
  const { t } = useTranslation();
  const label = useLineLabel(poll);
  const mine = entries.history.filter((entry) => entry.current && entry.enteredBy === myId);
  return (
    <>
      {entries.accepted && <p className="delegate-card ok">{t('counting.accepted')}</p>}
      <CountComparison entries={entries} myId={myId} label={label} />
      {poll.status === 'closed' ? (
        <CountForm poll={poll} sheetLines={entries.sheetLines} mine={mine} label={label} />
      ) : (
        <p className="delegate-card">{t('counting.closedForEntry')}</p>
      )}
    </>
  );
}
