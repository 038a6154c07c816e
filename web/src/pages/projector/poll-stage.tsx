import { useTranslation } from 'react-i18next';
import { useProblemMessage, type Schemas } from '../../api/client';
import { formatShare } from '../../format/format';
import { pollOnScreen } from './poll-on-screen';
import { useMeetingPolls, useTurnout, type Poll } from './projector-queries';
import { PollResult } from './poll-result';

/** The main part of the wall: the poll on screen, or the agenda while no poll has opened. */
export function PollStage({ meetingId, agenda }: { meetingId: string; agenda: Schemas['AgendaItemDto'][] }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const polls = useMeetingPolls(meetingId);
  if (polls.isPending) return <p>{t('app.loading')}</p>;
  if (polls.isError) return <p role="alert">{problemMessage(polls.error)}</p>;
  const poll = pollOnScreen(polls.data);
  return poll ? <PollView poll={poll} /> : <Agenda agenda={agenda} />;
}

function Agenda({ agenda }: { agenda: Schemas['AgendaItemDto'][] }) {
  const { t } = useTranslation();
  return (
    <section className="projector-card projector-agenda" aria-labelledby="projector-agenda-title">
      <h2 id="projector-agenda-title">{t('projector.agenda.title')}</h2>
      {agenda.length === 0 ? (
        <p>{t('projector.agenda.empty')}</p>
      ) : (
        <ol>
          {agenda.map((item, index) => (
            <li key={index}>
              {item.title}
              {item.note && <span className="projector-agenda-note"> — {item.note}</span>}
            </li>
          ))}
        </ol>
      )}
      <p className="projector-muted">{t('projector.agenda.noPoll')}</p>
    </section>
  );
}

function PollView({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const counted = poll.status === 'tallied' || poll.status === 'certified';
  return (
    <article className="projector-card projector-poll" aria-labelledby="projector-poll-title">
      <p className="projector-kicker">
        <span>{t(`projector.kind.${poll.kind}`)}</span>
        {poll.round > 1 && <span>{t('projector.poll.round', { round: poll.round })}</span>}
        <span className={`projector-poll-status projector-poll-status-${poll.status}`}>
          {t(`projector.pollStatus.${poll.status}`)}
        </span>
      </p>
      <h2 id="projector-poll-title">{poll.title}</h2>
      {poll.motionText && <p className="projector-motion">{poll.motionText}</p>}
      {counted && poll.result ? (
        <PollResult poll={poll} result={poll.result} />
      ) : (
        <>
          <Ballot poll={poll} />
          <Turnout poll={poll} />
          {poll.status === 'closed' && <p className="projector-counting">{t('projector.poll.counting')}</p>}
        </>
      )}
    </article>
  );
}

/** What is on the ballot — the options, never how anyone chose. */
function Ballot({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const eligible = poll.candidates
    .filter((candidate) => candidate.position !== null)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const refused = poll.candidates.filter((candidate) => candidate.position === null);
  return (
    <section className="projector-ballot" aria-labelledby="projector-ballot-title">
      <h3 id="projector-ballot-title">
        {t(poll.kind === 'motion' ? 'projector.ballot.options' : 'projector.ballot.candidates')}
      </h3>
      {poll.kind === 'award_proposal' && poll.maxApprovals !== null && (
        <p>{t('projector.ballot.maxApprovals', { count: poll.maxApprovals })}</p>
      )}
      {poll.kind === 'motion' ? (
        <ul className="projector-options">
          {(['yes', 'no', 'abstain'] as const).map((option) => (
            <li key={option}>{t(`projector.option.${option}`)}</li>
          ))}
        </ul>
      ) : (
        <ol className="projector-candidates">
          {eligible.map((candidate) => (
            <li key={candidate.unitId}>{candidate.unitName}</li>
          ))}
        </ol>
      )}
      {refused.length > 0 && (
        <details className="projector-refused" open>
          <summary>{t('projector.ballot.refused', { count: refused.length })}</summary>
          <ul>
            {refused.map((candidate) => (
              <li key={candidate.unitId}>
                {candidate.unitName}:{' '}
                {t(`projector.refusal.${candidate.refusalCode}`, { defaultValue: candidate.refusalReason ?? '' })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Voted over entitled, live: counts only (the API has no choice to give before the close). */
function Turnout({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const turnout = useTurnout(poll.id, poll.status !== 'draft');
  if (!turnout.data || turnout.data.entitled === null) return null;
  const { voted, entitled, share } = turnout.data;
  return (
    <section className="projector-turnout" aria-labelledby="projector-turnout-title">
      <h3 id="projector-turnout-title">{t('projector.turnout.title')}</h3>
      <p className="projector-turnout-figure" aria-live="polite">
        <strong>{voted}</strong> / {entitled} <span className="projector-turnout-share">({formatShare(share)})</span>
      </p>
      <div
        className="projector-bar"
        role="progressbar"
        aria-labelledby="projector-turnout-title"
        aria-valuemin={0}
        aria-valuemax={entitled}
        aria-valuenow={voted}
        aria-valuetext={t('projector.turnout.valueText', { voted, entitled })}
      >
        <div className="projector-bar-fill" style={{ width: `${Math.min(share, 1) * 100}%` }} />
      </div>
    </section>
  );
}
