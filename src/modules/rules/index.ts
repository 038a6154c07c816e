// The rules module's front door (issue 14): what other modules may import from it.
export { isLeaf } from './criteria-tree';
export type {
  AwardCategory,
  BonusPenaltyItem,
  CriterionNode,
  LeaderRotationRule,
  PledgeCountersigner,
  RulesContent,
  TieBreak,
  VotingRules,
} from './rules-content';
export { DEFAULT_MIN_ELECTRONIC_VOTERS_FOR_BOARD, DEFAULT_PLEDGE_RULES } from './rules-content';
export { defaultRulesContent } from './rules-defaults';
export { findRulesVersion, type RulesVersionFacts } from './rules-version-facts';
export type { RulesVersionStatus } from './rules-version.entity';
export { amendsRulesVersion } from './rules-amendment-chain';
