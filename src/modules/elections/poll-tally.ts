import type { TieBreak } from '../rules';
import type { PollKind, PollVotingRules } from './poll.entity';
import { ABSTAIN, MOTION_NO, MOTION_YES, approvedPositions } from './ballot-choice';
import { topByCount, type TieBreakFacts, type TieBreakRecord } from './tie-break';

/**
 * The tally of a poll by its rules (kiểm phiếu): pure functions over the counts. The service runs
 * the one GROUP BY over the ballots, adds the accepted paper count, and records a draw seed in the
 * ledger when `tally` answers `needs_draw`, then asks again with it.
 */

export interface TallyCandidate extends TieBreakFacts {
  position: number;
}

/** Accepted paper figures (both counting-board entries agree). `options[position]`: votes or approvals. */
export interface PaperCount {
  ballots: number;
  blank: number;
  invalid: number;
  options: Record<number, number>;
}

export interface TallyInput {
  kind: PollKind;
  round: number;
  rules: PollVotingRules;
  /** Member units when the poll opened (quorum), and their weight (`all_members`). */
  memberCount: number;
  memberWeight: number;
  /** Member units on the roll, and the sum of their weights (`present_members`). */
  presentCount: number;
  rollWeight: number;
  candidates: TallyCandidate[];
  /** Award proposals: the most units the category may propose. */
  quota: number | null;
  /** `SELECT choice, count(*) … GROUP BY choice` of the electronic ballots. */
  electronic: { choice: number; count: number }[];
  paper: PaperCount | null;
  drawSeed: string | null;
}

export type TallyOutcome =
  'elected' | 'runoff' | 'undecided' | 'adopted' | 'rejected' | 'proposed' | 'none_proposed' | 'no_quorum';

export interface OptionResult {
  /** The candidate's unit (elections, award proposals), as the counting record's `counts[].unitId`; null for a motion. */
  unitId: string | null;
  /** A motion's `yes` or `no`; null for a candidate. */
  option: 'yes' | 'no' | null;
  position: number;
  votes: number;
  passes: boolean;
}

export interface PollResult {
  outcome: TallyOutcome;
  ballots: number;
  /** Ballots for an option (or, for awards, ballots that approve or reject), i.e. neither blank nor invalid. */
  valid: number;
  abstentions: number;
  invalid: number;
  base: { kind: PollVotingRules['thresholdBase']; value: number };
  threshold: number;
  /** Votes an option needs: threshold × base, exact fraction as a decimal. */
  votesNeeded: number;
  quorum: { required: number; members: number; present: number; met: boolean };
  options: OptionResult[];
  /** The elected unit, the adopted motion (`yes`), the proposed units. */
  winners: string[];
  /** The two units of the next ballot, when the outcome is `runoff`. */
  runoff: string[];
  tieBreaks: TieBreakRecord[];
  /** A tie the rules could not settle (their list ends before a draw). */
  unresolvedTie: { among: string[]; places: number } | null;
  drawSeed: string | null;
}

export type TallyAnswer = { kind: 'result'; result: PollResult } | { kind: 'needs_draw'; among: string[] };

const passes = (votes: number, needed: number) => votes > 0 && votes >= needed - 1e-9;

function countOptions(input: TallyInput): {
  votes: Map<number, number>;
  ballots: number;
  abstentions: number;
  invalid: number;
} {
  const votes = new Map<number, number>();
  const add = (position: number, n: number) => votes.set(position, (votes.get(position) ?? 0) + n);
  let ballots = 0;
  let abstentions = 0;
  for (const { choice, count } of input.electronic) {
    ballots += count;
    if (choice === ABSTAIN) abstentions += count;
    else if (input.kind === 'award_proposal') for (const position of approvedPositions(choice)) add(position, count);
    else add(choice, count);
  }
  let invalid = 0;
  if (input.paper) {
    ballots += input.paper.ballots;
    abstentions += input.paper.blank;
    invalid += input.paper.invalid;
    for (const [position, n] of Object.entries(input.paper.options)) add(Number(position), n);
  }
  return { votes, ballots, abstentions, invalid };
}

function baseValue(input: TallyInput, valid: number, abstentions: number, invalid: number): number {
  const rules = input.rules;
  if (rules.thresholdBase === 'all_members') return input.memberWeight;
  if (rules.thresholdBase === 'present_members') return input.rollWeight;
  return valid + (rules.abstentionsCountAsCast ? abstentions : 0) + (rules.invalidBallotsCountAsCast ? invalid : 0);
}

export function tally(input: TallyInput): TallyAnswer {
  const { votes, ballots, abstentions, invalid } = countOptions(input);
  // Single-choice polls: ballots with a choice. Awards: ballots that approve or reject (not blank, not invalid).
  const valid =
    input.kind === 'award_proposal' ? ballots - abstentions - invalid : [...votes.values()].reduce((a, b) => a + b, 0);
  const base = baseValue(input, valid, abstentions, invalid);
  const threshold = input.rules.passingThreshold;
  const needed = threshold * base;
  const quorumShare = input.kind === 'award_proposal' ? input.rules.awardQuorum : input.rules.quorum;
  const quorumMet = input.memberCount > 0 && input.presentCount >= quorumShare * input.memberCount - 1e-9;
  const options: OptionResult[] =
    input.kind === 'motion'
      ? [
          { unitId: null, option: 'yes', position: MOTION_YES, votes: votes.get(MOTION_YES) ?? 0, passes: false },
          { unitId: null, option: 'no', position: MOTION_NO, votes: votes.get(MOTION_NO) ?? 0, passes: false },
        ]
      : input.candidates.map((c) => ({
          unitId: c.unitId,
          option: null,
          position: c.position,
          votes: votes.get(c.position) ?? 0,
          passes: false,
        }));
  for (const option of options) option.passes = option.option !== 'no' && passes(option.votes, needed);

  const result: PollResult = {
    outcome: 'undecided',
    ballots,
    valid,
    abstentions,
    invalid,
    base: { kind: input.rules.thresholdBase, value: base },
    threshold,
    votesNeeded: Math.round(needed * 10000) / 10000,
    quorum: { required: quorumShare, members: input.memberCount, present: input.presentCount, met: quorumMet },
    options,
    winners: [],
    runoff: [],
    tieBreaks: [],
    unresolvedTie: null,
    drawSeed: input.drawSeed,
  };
  if (!quorumMet) return { kind: 'result', result: { ...result, outcome: 'no_quorum' } };
  if (input.kind === 'motion') {
    const adopted = options[0].passes;
    return {
      kind: 'result',
      result: { ...result, outcome: adopted ? 'adopted' : 'rejected', winners: adopted ? ['yes'] : [] },
    };
  }

  const scored = input.candidates.map((c) => ({ ...c, count: votes.get(c.position) ?? 0 }));
  const order: readonly TieBreak[] = input.rules.tieBreak;
  const passing = scored.filter((c) => passes(c.count, needed));

  if (input.kind === 'award_proposal') {
    const places = input.quota === null ? passing.length : Math.min(input.quota, passing.length);
    const picked = topByCount(passing, places, order, input.drawSeed);
    if (picked.kind === 'needs_draw') return picked;
    const winners = picked.selected.map((c) => c.unitId);
    const unresolvedTie = picked.kind === 'unresolved' ? { among: picked.among, places: picked.places } : null;
    return {
      kind: 'result',
      result: {
        ...result,
        outcome: winners.length > 0 ? 'proposed' : 'none_proposed',
        winners,
        tieBreaks: picked.records,
        unresolvedTie,
      },
    };
  }
  // Leader or deputy: the most voted of those who pass; else a runoff between the top two, if the rules allow one more ballot.
  if (passing.length > 0) {
    const picked = topByCount(passing, 1, order, input.drawSeed);
    if (picked.kind === 'needs_draw') return picked;
    if (picked.kind === 'unresolved') {
      return {
        kind: 'result',
        result: {
          ...result,
          outcome: 'undecided',
          tieBreaks: picked.records,
          unresolvedTie: { among: picked.among, places: 1 },
        },
      };
    }
    return {
      kind: 'result',
      result: { ...result, outcome: 'elected', winners: [picked.selected[0].unitId], tieBreaks: picked.records },
    };
  }
  const anotherBallot = input.rules.runoff === 'top_two' && input.round < input.rules.maxBallotsPerRound;
  if (!anotherBallot || scored.length < 2) return { kind: 'result', result };
  const picked = topByCount(scored, 2, order, input.drawSeed);
  if (picked.kind === 'needs_draw') return picked;
  if (picked.kind === 'unresolved') {
    return {
      kind: 'result',
      result: {
        ...result,
        outcome: 'undecided',
        tieBreaks: picked.records,
        unresolvedTie: { among: picked.among, places: picked.places },
      },
    };
  }
  return {
    kind: 'result',
    result: { ...result, outcome: 'runoff', runoff: picked.selected.map((c) => c.unitId), tieBreaks: picked.records },
  };
}

/** How many units the category may propose: its count, or its share of the eligible units (rounded down), whichever is smaller. */
export function awardQuota(
  quotaCount: number | undefined,
  quotaShare: number | undefined,
  eligibleUnits: number,
): number | null {
  const limits: number[] = [];
  if (quotaCount !== undefined) limits.push(quotaCount);
  if (quotaShare !== undefined) limits.push(Math.floor(quotaShare * eligibleUnits + 1e-9));
  return limits.length === 0 ? null : Math.min(...limits);
}
