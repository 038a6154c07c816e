import type { PollKind } from './poll.entity';

/**
 * What a ballot's `choice` integer means, so that the tally is one `GROUP BY choice`:
 * - leader / deputy election: the chosen candidate's position (0, 1, …);
 * - motion: 0 yes, 1 no;
 * - award proposal: the bit mask of the approved candidates' positions (0 = rejects them all);
 * - everywhere: -1 = abstention (a blank ballot).
 */
export const ABSTAIN = -1;
export const MOTION_YES = 0;
export const MOTION_NO = 1;
export const MAX_AWARD_POSITIONS = 31;

/** What a voter sends: `choice` (a candidate's unit id, `yes`, `no` or `abstain`) or `approve` (unit ids). */
export interface BallotInput {
  choice?: string;
  approve?: string[];
}

/** The frozen options of an open poll: kind, candidates by unit id, the approvals one ballot may give. */
export interface BallotOptions {
  kind: PollKind;
  positions: ReadonlyMap<string, number>;
  maxApprovals: number | null;
}

export type ChoiceError = { error: string };

/** The choice integer for a ballot, or why the ballot is not a valid one for this poll. */
export function encodeChoice(options: BallotOptions, input: BallotInput): number | ChoiceError {
  const { choice, approve } = input;
  if (choice === 'abstain' && approve === undefined) return ABSTAIN;
  if (options.kind === 'award_proposal') {
    if (choice !== undefined || approve === undefined) {
      return { error: "Send `approve` (the unit ids you approve; [] rejects them all) or `choice: 'abstain'`." };
    }
    if (new Set(approve).size !== approve.length) return { error: 'A unit is approved at most once.' };
    if (options.maxApprovals !== null && approve.length > options.maxApprovals) {
      return { error: `At most ${options.maxApprovals} units may be approved (the category's quota).` };
    }
    let mask = 0;
    for (const unitId of approve) {
      const position = options.positions.get(unitId);
      if (position === undefined) return { error: `${unitId} is not a candidate of this poll.` };
      mask |= 1 << position;
    }
    return mask;
  }
  if (approve !== undefined || choice === undefined) return { error: 'Send `choice` (and no `approve`).' };
  if (options.kind === 'motion') {
    if (choice === 'yes') return MOTION_YES;
    if (choice === 'no') return MOTION_NO;
    return { error: "A motion's choice is `yes`, `no` or `abstain`." };
  }
  const position = options.positions.get(choice);
  if (position === undefined) return { error: `${choice} is not a candidate of this poll (or send \`abstain\`).` };
  return position;
}

/** The positions set in an award ballot's mask. */
export function approvedPositions(mask: number): number[] {
  const positions: number[] = [];
  for (let position = 0; position < MAX_AWARD_POSITIONS; position += 1)
    if (mask & (1 << position)) positions.push(position);
  return positions;
}

/** A ballot as people read it on the bulletin board: what `encodeChoice` was given. */
export function describeChoice(options: BallotOptions, code: number): BallotInput {
  if (code === ABSTAIN) return { choice: 'abstain' };
  if (options.kind === 'motion') return { choice: code === MOTION_YES ? 'yes' : 'no' };
  const unitAt = new Map([...options.positions].map(([unitId, position]) => [position, unitId]));
  if (options.kind === 'award_proposal')
    return { approve: approvedPositions(code).map((p) => unitAt.get(p) ?? `#${p}`) };
  return { choice: unitAt.get(code) ?? `#${code}` };
}
