import type { Poll } from '../../meeting/queries';

type T = (key: string, options?: Record<string, unknown>) => string;

/** What a ballot value reads as: a candidate by its unit's name, `yes`/`no`/`abstain` in words. */
export function optionLabel(poll: Poll, value: string, t: T): string {
  if (value === 'yes' || value === 'no' || value === 'abstain') return t(`delegate.ballot.${value}`);
  return poll.candidates.find((candidate) => candidate.unitId === value)?.unitName ?? value;
}

/** The choice a ballot or a board entry holds, in words. */
export function choiceLabel(poll: Poll, entry: { choice?: string; approve?: string[] }, t: T): string {
  if (entry.approve) {
    return entry.approve.length === 0
      ? t('delegate.ballot.approveNone')
      : t('delegate.ballot.approveList', { units: entry.approve.map((id) => optionLabel(poll, id, t)).join(', ') });
  }
  return optionLabel(poll, entry.choice ?? 'abstain', t);
}
