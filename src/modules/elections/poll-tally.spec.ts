import { DEFAULT_RULES_FOR_TESTS } from './poll-tally.fixtures';
import { awardQuota, tally, type TallyInput } from './poll-tally';
import { drawKey } from '../scoring';

const unit = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function input(overrides: Partial<TallyInput> = {}): TallyInput {
  return {
    kind: 'leader_election',
    round: 1,
    rules: DEFAULT_RULES_FOR_TESTS,
    memberCount: 7,
    memberWeight: 7,
    presentCount: 7,
    rollWeight: 7,
    candidates: [
      { unitId: unit(1), position: 0, finalScore: '90.00', womenLed: false },
      { unitId: unit(2), position: 1, finalScore: '85.00', womenLed: false },
      { unitId: unit(3), position: 2, finalScore: '80.00', womenLed: true },
    ],
    quota: null,
    electronic: [],
    paper: null,
    drawSeed: null,
    ...overrides,
  };
}

const votes = (...pairs: [number, number][]) => pairs.map(([choice, count]) => ({ choice, count }));

describe('tally', () => {
  it('elects the candidate reaching 80% of all members', () => {
    const answer = tally(input({ electronic: votes([0, 6], [1, 1]) }));
    expect(answer.kind).toBe('result');
    if (answer.kind !== 'result') return;
    expect(answer.result).toMatchObject({ outcome: 'elected', winners: [unit(1)], ballots: 7, valid: 7 });
    expect(answer.result.base).toEqual({ kind: 'all_members', value: 7 });
    expect(answer.result.votesNeeded).toBe(5.6);
  });

  it('calls a runoff between the top two when nobody passes, a tie for second broken by the higher final score', () => {
    const answer = tally(input({ electronic: votes([0, 3], [1, 2], [2, 2]) }));
    if (answer.kind !== 'result') throw new Error('expected a result');
    expect(answer.result.outcome).toBe('runoff');
    expect(answer.result.runoff).toEqual([unit(1), unit(2)]);
    expect(answer.result.tieBreaks).toEqual([
      { among: [unit(2), unit(3)], places: 1, decidedBy: 'higher_final_score', selected: [unit(2)] },
    ]);
  });

  it('falls to the next tie-break when final scores are equal (women-led unit)', () => {
    const candidates = input().candidates.map((c) => ({ ...c, finalScore: '80.00' }));
    const answer = tally(input({ candidates, electronic: votes([0, 3], [1, 2], [2, 2]) }));
    if (answer.kind !== 'result') throw new Error('expected a result');
    expect(answer.result.runoff).toEqual([unit(1), unit(3)]);
    expect(answer.result.tieBreaks[0].decidedBy).toBe('women_led_unit');
  });

  it('asks for a recorded draw when the other tie-breaks cannot decide, then decides by the seed', () => {
    const candidates = input().candidates.map((c) => ({ ...c, finalScore: null, womenLed: false }));
    const first = tally(input({ candidates, electronic: votes([0, 3], [1, 2], [2, 2]) }));
    expect(first).toEqual({ kind: 'needs_draw', among: [unit(2), unit(3)] });
    const seed = 'ab'.repeat(32);
    const second = tally(input({ candidates, electronic: votes([0, 3], [1, 2], [2, 2]), drawSeed: seed }));
    if (second.kind !== 'result') throw new Error('expected a result');
    const expected = drawKey(seed, unit(2)) < drawKey(seed, unit(3)) ? unit(2) : unit(3);
    expect(second.result.runoff).toEqual([unit(1), expected]);
    expect(second.result.tieBreaks.at(-1)).toMatchObject({ decidedBy: 'recorded_draw', selected: [expected] });
    expect(second.result.drawSeed).toBe(seed);
  });

  it('leaves the round undecided after the last ballot the rules allow', () => {
    const answer = tally(input({ round: 2, electronic: votes([0, 4], [1, 3]) }));
    if (answer.kind !== 'result') throw new Error('expected a result');
    expect(answer.result).toMatchObject({ outcome: 'undecided', winners: [], runoff: [] });
  });

  it('counts abstentions and invalid ballots in the valid-votes base as the rules say', () => {
    const rules = { ...DEFAULT_RULES_FOR_TESTS, thresholdBase: 'valid_votes' as const, passingThreshold: 0.5 };
    const paper = { ballots: 3, blank: 1, invalid: 2, options: {} };
    const base = (abstentionsCountAsCast: boolean, invalidBallotsCountAsCast: boolean) => {
      const answer = tally(
        input({
          rules: { ...rules, abstentionsCountAsCast, invalidBallotsCountAsCast },
          electronic: votes([0, 3], [-1, 1]),
          paper,
        }),
      );
      if (answer.kind !== 'result') throw new Error('expected a result');
      return answer.result;
    };
    expect(base(false, false)).toMatchObject({ base: { value: 3 }, abstentions: 2, invalid: 2, outcome: 'elected' });
    expect(base(true, false).base.value).toBe(5);
    expect(base(true, true)).toMatchObject({ base: { value: 7 }, outcome: 'runoff' });
  });

  it('uses the present members as the base when the rules say so', () => {
    const rules = { ...DEFAULT_RULES_FOR_TESTS, thresholdBase: 'present_members' as const };
    const answer = tally(input({ rules, presentCount: 5, rollWeight: 5, electronic: votes([0, 4], [1, 1]) }));
    if (answer.kind !== 'result') throw new Error('expected a result');
    expect(answer.result).toMatchObject({ base: { value: 5 }, outcome: 'elected' });
  });

  it('reports no quorum instead of a result when too few members were present', () => {
    const answer = tally(input({ presentCount: 4, rollWeight: 4, electronic: votes([0, 4]) }));
    if (answer.kind !== 'result') throw new Error('expected a result');
    expect(answer.result.outcome).toBe('no_quorum');
  });

  it('adopts a motion with enough yes votes, rejects it otherwise', () => {
    const adopted = tally(input({ kind: 'motion', candidates: [], electronic: votes([0, 6], [1, 1]) }));
    const rejected = tally(input({ kind: 'motion', candidates: [], electronic: votes([0, 5], [-1, 2]) }));
    expect(adopted.kind === 'result' && adopted.result.outcome).toBe('adopted');
    expect(rejected.kind === 'result' && rejected.result.outcome).toBe('rejected');
  });

  it('proposes award candidates that pass, at most the quota, by approvals then tie-breaks', () => {
    // Ballot masks: 0b011 approves positions 0 and 1, 0b101 positions 0 and 2, 0b110 positions 1 and 2.
    const electronic = votes([0b011, 3], [0b101, 3], [0b110, 1]);
    const answer = tally(input({ kind: 'award_proposal', quota: 1, electronic }));
    if (answer.kind !== 'result') throw new Error('expected a result');
    expect(answer.result.options.map((o) => o.votes)).toEqual([6, 4, 4]);
    expect(answer.result).toMatchObject({ outcome: 'proposed', winners: [unit(1)] });
    const two = tally(input({ kind: 'award_proposal', quota: 2, electronic: votes([0b111, 6], [0b001, 1]) }));
    if (two.kind !== 'result') throw new Error('expected a result');
    expect(two.result.winners).toEqual([unit(1), unit(2)]);
    expect(two.result.tieBreaks[0]).toMatchObject({ decidedBy: 'higher_final_score', selected: [unit(2)] });
  });

  it('computes the award quota from a count and a share of eligible units', () => {
    expect(awardQuota(1, undefined, 7)).toBe(1);
    expect(awardQuota(undefined, 0.2, 7)).toBe(1);
    expect(awardQuota(undefined, 0.2, 4)).toBe(0);
    expect(awardQuota(3, 0.5, 4)).toBe(2);
    expect(awardQuota(undefined, undefined, 7)).toBeNull();
  });
});
