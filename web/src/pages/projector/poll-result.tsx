import { useTranslation } from 'react-i18next';
import { useProblemMessage, type Schemas } from '../../api/client';
import { formatDateTime, formatDecimal, formatInteger, formatShare } from '../../format/format';
import { useCountingRecordDigest, type Poll } from './projector-queries';

type Result = Schemas['PollResultDto'];

/** Unit ids (or a motion's `yes`/`no`) → the names the room knows, joined as the language joins lists. */
function useNames(poll: Poll) {
  const { t, i18n } = useTranslation();
  const byId = new Map(poll.candidates.map((candidate) => [candidate.unitId, candidate.unitName]));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const name = (id: string) =>
    id === 'yes' || id === 'no' ? t(`projector.option.${id}`) : (byId.get(id) ?? t('projector.result.unknownUnit'));
  return { name, names: (ids: string[]) => list.format(ids.map(name)) };
}

/** After the tally: the outcome, every option's votes against the threshold, the ties and how they were broken. */
export function PollResult({ poll, result }: { poll: Poll; result: Result }) {
  const { t } = useTranslation();
  const { name, names } = useNames(poll);
  // Most votes first; among equal votes, those the rules put ahead (a tie broken) before the rest.
  const ahead = [...result.winners, ...result.runoff];
  const rank = (id: string | null) => (id && ahead.includes(id) ? ahead.indexOf(id) : ahead.length);
  const options = [...result.options].sort(
    (a, b) => b.votes - a.votes || rank(a.unitId) - rank(b.unitId) || a.position - b.position,
  );
  const most = Math.max(result.votesNeeded, ...options.map((option) => option.votes), 1);
  return (
    <section className="projector-result" aria-labelledby="projector-outcome">
      <p id="projector-outcome" className={`projector-outcome projector-outcome-${result.outcome}`}>
        {t(`projector.outcome.${result.outcome}`, {
          names: names(result.outcome === 'runoff' ? result.runoff : result.winners),
        })}
      </p>
      <table className="projector-results">
        <caption>
          {t('projector.result.threshold', {
            threshold: formatShare(result.threshold),
            base: t(`projector.base.${result.base.kind}`, { value: formatDecimal(result.base.value) }),
            votesNeeded: formatDecimal(result.votesNeeded),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(poll.kind === 'motion' ? 'projector.result.option' : 'projector.result.candidate')}</th>
            <th scope="col" colSpan={2}>
              {t(poll.kind === 'award_proposal' ? 'projector.result.approvals' : 'projector.result.votes')}
            </th>
            <th scope="col">{t('projector.result.passes')}</th>
          </tr>
        </thead>
        <tbody>
          {options.map((option) => (
            <tr key={option.position} className={option.passes ? 'projector-passes' : undefined}>
              <th scope="row">{name(option.unitId ?? option.option ?? '')}</th>
              <td className="projector-votes">{formatInteger(option.votes)}</td>
              <td className="projector-bar-cell">
                <span className="projector-bar" aria-hidden="true">
                  <span className="projector-bar-fill" style={{ width: `${(option.votes / most) * 100}%` }} />
                </span>
              </td>
              <td>{t(option.passes ? 'projector.result.passesYes' : 'projector.result.passesNo')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="projector-ballots-summary">
        {t('projector.result.ballots', {
          ballots: result.ballots,
          valid: result.valid,
          abstentions: result.abstentions,
          invalid: result.invalid,
        })}
      </p>
      {!result.quorum.met && (
        <p>
          {t('projector.result.quorumNotMet', {
            present: result.quorum.present,
            members: result.quorum.members,
            share: formatShare(result.quorum.required),
          })}
        </p>
      )}
      {(result.tieBreaks.length > 0 || result.unresolvedTie) && (
        <section aria-labelledby="projector-ties-title" className="projector-ties">
          <h3 id="projector-ties-title">{t('projector.ties.title')}</h3>
          <ul>
            {result.tieBreaks.map((step, index) => (
              <li key={index}>
                {t('projector.ties.broken', {
                  among: names(step.among),
                  rule: t(`projector.tieBreakRule.${step.decidedBy}`),
                  selected: names(step.selected),
                })}
              </li>
            ))}
            {result.unresolvedTie && (
              <li>{t('projector.ties.unresolved', { among: names(result.unresolvedTie.among) })}</li>
            )}
          </ul>
        </section>
      )}
      {poll.status === 'certified' && <Certified poll={poll} />}
    </section>
  );
}

/** The certified result: when, and the counting record's digest anyone can check against the ledger. */
function Certified({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const digest = useCountingRecordDigest(poll.id, true);
  return (
    <section className="projector-certified" aria-labelledby="projector-certified-title">
      <h3 id="projector-certified-title">
        <span aria-hidden="true">✓ </span>
        {t('projector.certified.title')}
      </h3>
      {poll.certifiedAt && <p>{t('projector.certified.at', { at: formatDateTime(poll.certifiedAt) })}</p>}
      <p className="projector-digest-label">{t('projector.certified.digest')}</p>
      {digest.data && <p className="projector-digest">{digest.data.match(/.{1,8}/g)?.join(' ')}</p>}
      {digest.isError && <p role="alert">{problemMessage(digest.error)}</p>}
    </section>
  );
}
