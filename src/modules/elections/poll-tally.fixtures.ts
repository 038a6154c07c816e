import type { VotingRules } from '../rules';

/** The default voting rules (rules-defaults.ts), for the unit specs. */
export const DEFAULT_RULES_FOR_TESTS: VotingRules = {
  quorum: 2 / 3,
  awardQuorum: 0.8,
  passingThreshold: 0.8,
  thresholdBase: 'all_members',
  abstentionsCountAsCast: true,
  invalidBallotsCountAsCast: false,
  maxBallotsPerRound: 2,
  runoff: 'top_two',
  tieBreak: ['higher_final_score', 'women_led_unit', 'recorded_draw'],
};
