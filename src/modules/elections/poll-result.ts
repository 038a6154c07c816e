import type { PollKind } from './poll.entity';
import type { OptionResult, PollResult } from './poll-tally';

/**
 * A poll's stored result (`polls.result`) in today's shape. Results tallied before the candidate's
 * id was named `unitId` kept it in `option`; they are read, not rewritten (a certified poll is
 * immutable), so the old shape is mapped here, once, for every reader.
 */
export function storedPollResult(kind: PollKind, stored: Record<string, unknown> | null): PollResult | null {
  if (!stored) return null;
  const result = stored as unknown as PollResult;
  const options = (result.options as (OptionResult & { option: string | null })[]).map((o): OptionResult => {
    if (o.unitId !== undefined) return o;
    return kind === 'motion'
      ? { ...o, unitId: null, option: o.option as 'yes' | 'no' }
      : { ...o, unitId: o.option, option: null };
  });
  return { ...result, options };
}
