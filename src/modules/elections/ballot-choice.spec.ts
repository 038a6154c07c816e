import { ABSTAIN, approvedPositions, describeChoice, encodeChoice, type BallotOptions } from './ballot-choice';

const positions = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
]);
const election: BallotOptions = { kind: 'leader_election', positions, maxApprovals: null };
const award: BallotOptions = { kind: 'award_proposal', positions, maxApprovals: 2 };
const motion: BallotOptions = { kind: 'motion', positions: new Map(), maxApprovals: null };

describe('ballot choice', () => {
  it('encodes an election choice as the candidate position, abstention as -1', () => {
    expect(encodeChoice(election, { choice: 'b' })).toBe(1);
    expect(encodeChoice(election, { choice: 'abstain' })).toBe(ABSTAIN);
    expect(encodeChoice(election, { choice: 'zz' })).toHaveProperty('error');
    expect(encodeChoice(election, { approve: ['a'] })).toHaveProperty('error');
  });

  it('encodes a motion as 0 yes, 1 no', () => {
    expect(encodeChoice(motion, { choice: 'yes' })).toBe(0);
    expect(encodeChoice(motion, { choice: 'no' })).toBe(1);
    expect(encodeChoice(motion, { choice: 'maybe' })).toHaveProperty('error');
  });

  it('encodes award approvals as a bit mask, within the quota, each unit once', () => {
    expect(encodeChoice(award, { approve: ['a', 'c'] })).toBe(0b101);
    expect(encodeChoice(award, { approve: [] })).toBe(0);
    expect(encodeChoice(award, { approve: ['a', 'b', 'c'] })).toHaveProperty('error');
    expect(encodeChoice(award, { approve: ['a', 'a'] })).toHaveProperty('error');
    expect(encodeChoice(award, { choice: 'a' })).toHaveProperty('error');
    expect(approvedPositions(0b101)).toEqual([0, 2]);
  });

  it('describes a stored choice as the voter sent it', () => {
    expect(describeChoice(election, 2)).toEqual({ choice: 'c' });
    expect(describeChoice(award, 0b011)).toEqual({ approve: ['a', 'b'] });
    expect(describeChoice(motion, 1)).toEqual({ choice: 'no' });
    expect(describeChoice(award, ABSTAIN)).toEqual({ choice: 'abstain' });
  });
});
