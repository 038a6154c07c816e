import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, useProblemMessage } from '../../api/client';
import { useFocusOnMount } from '../../meeting/focus';
import { newBallotKey, type BallotBody, type StoredBallot } from '../../meeting/ballot-store';
import { meetingKeys, type Poll } from '../../meeting/queries';
import { ownProblem } from './check-in';
import { choiceLabel, optionLabel } from './options';

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
/** Answers after which the same ballot, with the same key, may be sent again. */
const RETRYABLE = new Set(['idempotency_key_in_progress', 'too_many_requests']);

type Phase = 'choose' | 'confirm' | 'sending' | 'unsent';

/**
 * The secret ballot: each option a labelled control, refused candidates listed with the reason,
 * a confirm step, then the send. The ballot and its Idempotency-Key are stored on the device
 * BEFORE the first send and kept until the server answers, so a dropped answer is retried with the
 * same key (the server answers with the same receipt, never a second ballot) — also after a reload.
 */
export function BallotForm({
  poll,
  stored,
  onStored,
}: {
  poll: Poll;
  stored: StoredBallot;
  onStored: (next: StoredBallot) => void;
}) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string>('');
  const [approvals, setApprovals] = useState<Record<string, 'approve' | 'reject'>>({});
  const [awardAbstain, setAwardAbstain] = useState(false);
  const [phase, setPhase] = useState<Phase>(stored.pending ? 'sending' : 'choose');
  const [error, setError] = useState<string>();
  const [retries, setRetries] = useState(0);
  const sending = useRef(false);
  const eligible = poll.candidates.filter((c) => c.eligible).sort((a, b) => a.position! - b.position!);
  const refused = poll.candidates.filter((c) => !c.eligible);
  const isAward = poll.kind === 'award_proposal';
  const quota = poll.maxApprovals ?? eligible.length;
  const approved = eligible.filter((c) => approvals[c.unitId] === 'approve').map((c) => c.unitId);

  const send = useCallback(
    async (pending: NonNullable<StoredBallot['pending']>) => {
      if (sending.current) return;
      sending.current = true;
      setPhase('sending');
      setError(undefined);
      setRetries(0);
      try {
        for (let attempt = 0; ; attempt += 1) {
          try {
            const { receipt } = await unwrap(
              api.POST('/api/v1/polls/{id}/ballots', {
                params: { path: { id: poll.id }, header: { 'Idempotency-Key': pending.key } },
                body: pending.body,
              }),
            );
            onStored({ receipt });
            void queryClient.invalidateQueries({ queryKey: meetingKeys.turnout(poll.id) });
            return;
          } catch (caught) {
            const retryable =
              !(caught instanceof ApiProblem) ||
              caught.status >= 500 ||
              caught.status === 429 ||
              RETRYABLE.has(caught.code);
            if (caught instanceof ApiProblem && (caught.status === 401 || caught.code === 'poll_closed')) {
              // Not refused for what it is: the session ended (sign in again and it is resent), or the
              // poll closed before an answer came back (the first send may have been counted: the
              // board tells, by the trackers the kept key gives).
              setError(ownProblem(caught, t, problemMessage));
              setPhase('unsent');
              return;
            }
            if (!retryable) {
              // A refusal is final: this ballot will never be accepted, so its key is dropped.
              onStored({});
              setError(ownProblem(caught, t, problemMessage));
              setPhase('choose');
              return;
            }
            if (attempt >= RETRY_DELAYS_MS.length) {
              setError(t('delegate.ballot.unsent'));
              setPhase('unsent');
              return;
            }
            setRetries(attempt + 1);
            await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
          }
        }
      } finally {
        sending.current = false;
      }
    },
    [poll.id, onStored, queryClient, t, problemMessage],
  );

  // A ballot confirmed earlier and never acknowledged (the answer lost, the page reloaded): send it again.
  useEffect(() => {
    if (stored.pending && !sending.current) void send(stored.pending);
    // Once, on mount (the deps are deliberately empty).
  }, []);

  const body: BallotBody = isAward ? (awardAbstain ? { choice: 'abstain' } : { approve: approved }) : { choice };

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (!isAward && !choice) return setError(t('delegate.ballot.pickOne'));
    if (isAward && !awardAbstain && eligible.some((c) => !approvals[c.unitId])) {
      return setError(t('delegate.ballot.pickEach'));
    }
    if (isAward && !awardAbstain && approved.length > quota) {
      return setError(t('delegate.ballot.overQuota', { count: quota }));
    }
    setError(undefined);
    setPhase('confirm');
  };

  const confirm = () => {
    const pending = { key: newBallotKey(), body };
    onStored({ pending });
    void send(pending);
  };

  const titleId = `ballot-${poll.id}`;

  if (phase === 'sending' || phase === 'unsent') {
    return (
      <div className="ballot">
        <div role="status">
          {phase === 'sending' && <p>{t('delegate.ballot.sending')}</p>}
          {phase === 'sending' && retries > 0 && <p>{t('delegate.ballot.retrying')}</p>}
        </div>
        {phase === 'unsent' && (
          <>
            <p role="alert" className="error">
              {error}
            </p>
            <button type="button" className="primary" onClick={() => stored.pending && void send(stored.pending)}>
              {t('delegate.ballot.retry')}
            </button>
          </>
        )}
      </div>
    );
  }

  if (phase === 'confirm') {
    return (
      <section className="ballot confirm" aria-labelledby={`${titleId}-confirm`}>
        <FocusedHeading id={`${titleId}-confirm`}>{t('delegate.ballot.confirmTitle')}</FocusedHeading>
        <p>{t('delegate.ballot.yourChoice', { choice: choiceLabel(poll, body, t) })}</p>
        <p>{t('delegate.ballot.final')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={confirm}>
            {t('delegate.ballot.confirm')}
          </button>
          <button type="button" onClick={() => setPhase('choose')}>
            {t('delegate.ballot.change')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="ballot" onSubmit={next} aria-labelledby={titleId} noValidate>
      <h4 id={titleId}>{t('delegate.ballot.title')}</h4>
      <p className="meta">{t('delegate.ballot.secret')}</p>
      {isAward ? (
        <>
          <p>{t('delegate.ballot.quota', { count: quota })}</p>
          {eligible.map((candidate) => (
            <fieldset key={candidate.unitId} className="choices" disabled={awardAbstain}>
              <legend>{candidate.unitName}</legend>
              {(['approve', 'reject'] as const).map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={`award-${candidate.unitId}`}
                    value={value}
                    checked={approvals[candidate.unitId] === value}
                    onChange={() => setApprovals({ ...approvals, [candidate.unitId]: value })}
                  />
                  <span>{t(`delegate.ballot.${value}`, { unit: candidate.unitName })}</span>
                </label>
              ))}
            </fieldset>
          ))}
          <label className="choice">
            <input type="checkbox" checked={awardAbstain} onChange={(e) => setAwardAbstain(e.target.checked)} />
            <span>{t('delegate.ballot.abstainAll')}</span>
          </label>
        </>
      ) : (
        <fieldset className="choices">
          <legend>
            {poll.kind === 'motion' ? t('delegate.ballot.motionLegend') : t('delegate.ballot.electionLegend')}
          </legend>
          {poll.ballotOptions.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name={`choice-${poll.id}`}
                value={option.value}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
              />
              <span>{optionLabel(poll, option.value, t)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {refused.length > 0 && (
        <section className="refused" aria-labelledby={`${titleId}-refused`}>
          <h5 id={`${titleId}-refused`}>{t('delegate.ballot.refusedTitle')}</h5>
          <ul>
            {refused.map((candidate) => (
              <li key={candidate.unitId}>
                <strong>{candidate.unitName}</strong> — {t('delegate.ballot.notEligible')}:{' '}
                {t(`delegate.refusal.${candidate.refusalCode}`, { defaultValue: candidate.refusalReason ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('delegate.ballot.next')}
      </button>
    </form>
  );
}

function FocusedHeading({ id, children }: { id: string; children: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h4 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h4>
  );
}
