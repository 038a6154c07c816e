import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireSignIn, useSession } from '../../auth/session';
import { formatDate } from '../../format/format';
import { useMeeting, useMeetingEvents, usePolls, useQuorum } from '../../meeting/queries';
import { useProblemMessage } from '../../api/client';
import { CheckIn } from './check-in';
import { PollCard } from './poll-card';
import './delegate.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The delegate's meeting on a phone (/m/{meetingId}, the link the projector shows): sign in, check
 * in for one's unit, follow the agenda, the quorum and the poll in progress live, cast a secret
 * ballot, keep its receipt, and after the close find it on the bulletin board.
 */
export default function DelegatePage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  if (!UUID.test(meetingId)) {
    return (
      <section className="delegate" aria-labelledby="delegate-title">
        <h1 id="delegate-title">{t('delegate.notFound')}</h1>
      </section>
    );
  }
  return (
    <RequireSignIn>
      <DelegateMeeting meetingId={meetingId.toLowerCase()} />
    </RequireSignIn>
  );
}

function DelegateMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { me } = useSession();
  const meeting = useMeeting(meetingId);
  const loaded = meeting.isSuccess;
  const quorum = useQuorum(meetingId, loaded);
  const polls = usePolls(meetingId, loaded);
  useMeetingEvents(meetingId, loaded);

  if (meeting.isPending) return <p role="status">{t('app.loading')}</p>;
  if (meeting.isError) {
    return (
      <section className="delegate" aria-labelledby="delegate-title">
        <h1 id="delegate-title">{t('delegate.unavailable')}</h1>
        <p role="alert">{problemMessage(meeting.error)}</p>
      </section>
    );
  }
  const data = meeting.data;
  const mySeat = quorum.data?.presentUnits.find((unit) => unit.delegateId === me?.user.id);
  const open = polls.data?.filter((poll) => poll.status === 'open') ?? [];
  const others = [...(polls.data?.filter((poll) => poll.status !== 'open' && poll.status !== 'draft') ?? [])].reverse();

  return (
    <div className="delegate">
      <header className="delegate-meeting">
        <h1 id="delegate-title">{data.title}</h1>
        <p>
          {t('meeting.heldOnAt', { date: formatDate(data.heldOn), place: data.place })}
          {' · '}
          <span>{t(`meeting.status.${data.status}`)}</span>
        </p>
      </header>

      <CheckIn meeting={data} quorum={quorum.data} mySeat={mySeat} />

      <section aria-labelledby="quorum-title" className="delegate-card">
        <h2 id="quorum-title">{t('meeting.quorum.title')}</h2>
        {quorum.isError ? (
          <p>{problemMessage(quorum.error)}</p>
        ) : quorum.data ? (
          <p aria-live="polite">
            {t('meeting.quorum.present', { present: quorum.data.present, members: quorum.data.members })}{' '}
            <strong className={quorum.data.quorum.met ? 'ok' : 'warn'}>
              {quorum.data.quorum.met
                ? t('meeting.quorum.met')
                : t('meeting.quorum.notMet', { required: quorum.data.quorum.requiredUnits })}
            </strong>
          </p>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </section>

      <section aria-labelledby="polls-title" className="delegate-polls">
        <h2 id="polls-title">{t('delegate.poll.current')}</h2>
        {polls.isError && <p role="alert">{problemMessage(polls.error)}</p>}
        {polls.data && open.length === 0 && <p aria-live="polite">{t('delegate.poll.none')}</p>}
        {me && open.map((poll) => <PollCard key={poll.id} poll={poll} userId={me.user.id} seated={Boolean(mySeat)} />)}
      </section>

      {others.length > 0 && me && (
        <section aria-labelledby="past-polls-title" className="delegate-polls">
          <h2 id="past-polls-title">{t('delegate.poll.past')}</h2>
          {others.map((poll) => (
            <PollCard key={poll.id} poll={poll} userId={me.user.id} seated={Boolean(mySeat)} />
          ))}
        </section>
      )}

      <section aria-labelledby="agenda-title" className="delegate-card">
        <h2 id="agenda-title">{t('meeting.agenda')}</h2>
        {data.agenda.length === 0 ? (
          <p>{t('meeting.noAgenda')}</p>
        ) : (
          <ol className="agenda">
            {data.agenda.map((item, index) => (
              <li key={index}>
                {item.title}
                {item.note && <span className="note"> — {item.note}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
