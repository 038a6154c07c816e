import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredBallot } from '../../meeting/ballot-store';
import { useStoredBallot } from '../../meeting/ballot-store';
import { useRoll, useTurnout, type Poll } from '../../meeting/queries';
import { BallotForm } from './ballot-form';
import { CheckMyBallot } from './check-my-ballot';
import { optionLabel } from './options';
import { Receipt } from './receipt';

/** One poll: while open, the ballot (or its receipt); after the close, the result and "check my ballot". */
export function PollCard({ poll, userId, seated }: { poll: Poll; userId: string; seated: boolean }) {
  const { t } = useTranslation();
  const [stored, setStored] = useStoredBallot(userId, poll.id);
  // Whether the receipt arrived while this page was open (then it takes the focus).
  const [justCast, setJustCast] = useState(false);
  const onStored = useCallback(
    (next: StoredBallot) => {
      if (next.receipt) setJustCast(true);
      setStored(next);
    },
    [setStored],
  );
  const isOpen = poll.status === 'open';
  const turnout = useTurnout(isOpen ? poll.id : undefined);
  const electronic = poll.method !== 'paper';
  const roll = useRoll(poll.id, isOpen && electronic && !stored.receipt);
  const myEntry = roll.data?.voters.find((voter) => voter.delegateId === userId);
  // Unreadable roll: the server decides (403 voter_not_on_roll, said in words).
  const canVote = Boolean(myEntry) || Boolean(stored.pending) || roll.isError;
  const titleId = `poll-${poll.id}-title`;

  return (
    <article className="delegate-card poll" aria-labelledby={titleId}>
      <h3 id={titleId}>{poll.title}</h3>
      <p className="meta">
        {t(`meeting.pollKind.${poll.kind}`)}
        {poll.round > 1 && ` · ${t('meeting.round', { round: poll.round })}`}
        {' · '}
        {t(`meeting.pollStatus.${poll.status}`)}
      </p>
      {poll.motionText && <p className="motion">{poll.motionText}</p>}
      {isOpen && turnout.data && (
        <p aria-live="polite">
          {t('meeting.turnout', { voted: turnout.data.voted, entitled: turnout.data.entitled ?? 0 })}
        </p>
      )}

      {isOpen && !electronic && <p>{t('delegate.poll.paperOnly')}</p>}
      {isOpen && electronic && !stored.receipt && roll.isSuccess && !canVote && (
        <>
          <p>{t('delegate.problem.voter_not_on_roll')}</p>
          {!seated && <p>{t('delegate.poll.checkInFirst')}</p>}
        </>
      )}
      {isOpen && electronic && !stored.receipt && canVote && (
        <>
          {myEntry && myEntry.weight > 1 && <p>{t('delegate.poll.weight', { count: myEntry.weight })}</p>}
          <BallotForm poll={poll} stored={stored} onStored={onStored} />
        </>
      )}
      {stored.receipt && <Receipt poll={poll} receipt={stored.receipt} focus={justCast} />}

      {poll.result && <PollResult poll={poll} />}
      {(stored.receipt || stored.pending) && poll.status !== 'open' && poll.status !== 'draft' && (
        <CheckMyBallot poll={poll} receipt={stored.receipt} pending={stored.pending} onStored={onStored} />
      )}
    </article>
  );
}

/** Shares and thresholds as Vietnamese writes them: 5,6. */
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

function PollResult({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const result = poll.result!;
  const label = (option: (typeof result.options)[number]) =>
    option.unitId
      ? (poll.candidates.find((c) => c.unitId === option.unitId)?.unitName ?? option.unitId)
      : optionLabel(poll, option.option ?? '', t);
  return (
    <section className="result" aria-label={t('delegate.result.title')}>
      <h4>{t('delegate.result.title')}</h4>
      <p>
        <strong>{t(`meeting.outcome.${result.outcome}`)}</strong>
        {result.winners.length > 0 && poll.kind !== 'motion' && (
          <> — {result.winners.map((id) => poll.candidates.find((c) => c.unitId === id)?.unitName ?? id).join(', ')}</>
        )}
      </p>
      <p>{t('delegate.result.needed', { votes: decimal.format(result.votesNeeded), ballots: result.ballots })}</p>
      <table>
        <caption className="visually-hidden">{t('delegate.result.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('delegate.result.option')}</th>
            <th scope="col">{t('delegate.result.votes')}</th>
          </tr>
        </thead>
        <tbody>
          {result.options.map((option) => (
            <tr key={option.position}>
              <th scope="row">
                {label(option)}
                {option.passes && <span className="ok"> ✓ {t('delegate.result.passes')}</span>}
              </th>
              <td>{option.votes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
