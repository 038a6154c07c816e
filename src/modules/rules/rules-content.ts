/**
 * The shape of a rules version's content (stored as jsonb). Validation lives in
 * rules-content.validator.ts; documented defaults with their sources in rules-defaults.ts and
 * docs/domain/rules-defaults.md. Fractions are numbers in (0, 1]; points are numbers ≥ 0.
 */
export interface CriterionNode {
  code: string;
  name: string;
  /** Leaves must carry it; a parent may omit it (then it is the sum) or state it (then it must equal the sum). */
  maxPoints?: number;
  children?: CriterionNode[];
}

export interface BonusPenaltyItem {
  code: string;
  name: string;
  /** Points per occurrence. */
  points: number;
  /** The most this item can add (bonus) or remove (penalty) in total. */
  cap: number;
}

export type AwardLevel =
  'government_flag' | 'ministry_flag' | 'province_flag' | 'alliance_flag' | 'certificate_of_merit';

export interface AwardEligibility {
  requiresSealedPledge?: boolean;
  minFinalScore?: number;
  /** Code of another category the unit must qualify for first (e.g. the level below). */
  requiresCategory?: string;
  requiresAdoptedRanking?: boolean;
}

export interface AwardCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  level: AwardLevel;
  quotaCount?: number;
  /** Share of eligible units, in (0, 1]. */
  quotaShare?: number;
  eligibility: AwardEligibility;
}

export type ThresholdBase = 'valid_votes' | 'all_members' | 'present_members';
export type TieBreak = 'higher_final_score' | 'women_led_unit' | 'recorded_draw';

export interface VotingRules {
  /** Share of member units that must be present for a vote to be valid. */
  quorum: number;
  /** Share of member units that must be present when the vote is on awards (stricter than `quorum`). */
  awardQuorum: number;
  /** Share of `thresholdBase` a candidate or motion needs. */
  passingThreshold: number;
  thresholdBase: ThresholdBase;
  /** Whether abstentions count in the base of valid votes. */
  abstentionsCountAsCast: boolean;
  /** Whether invalid ballots count in the base (they never count for a candidate). */
  invalidBallotsCountAsCast: boolean;
  /** Ballots in a round before the leader and deputy (or the authority) decide. */
  maxBallotsPerRound: number;
  runoff: 'top_two' | 'none';
  tieBreak: TieBreak[];
  /** Optional: ballots per member unit, by unit code (whole numbers 1–100); absent: 1 each. */
  voterWeights?: Record<string, number>;
  /** Optional: whether one poll may combine electronic and paper ballots; absent: allowed. */
  mixedBallots?: boolean;
  /**
   * Optional: in a mixed poll, the bulletin board lists ballot by ballot only when at least this many
   * units voted electronically and at least this many on paper (or none did); otherwise only the merged
   * totals are published, so no small set of voters is counted apart. Absent: 3.
   */
  minElectronicVotersForBoard?: number;
  /** Optional: share of the units present whose hands (strictly more) confirm a counting board; absent: 0.5. */
  countingBoardMajority?: number;
}

/** The threshold rule of statistical disclosure control: no published count of fewer than 3 (docs/domain/rules-defaults.md). */
export const DEFAULT_MIN_ELECTRONIC_VOTERS_FOR_BOARD = 3;

export interface LeaderRotationRule {
  outgoingLeaderEligible: boolean;
  /** Unit codes in rotation order, when the cluster fixes one. */
  fixedOrder?: string[];
}

export type PledgeCountersigner = 'cluster_leader_head' | 'secretariat';

export interface PledgeRules {
  /** Who countersigns the set of signed unit pledges to seal it. */
  countersignedBy: PledgeCountersigner;
}

/** What a rules version says of the pledge when it says nothing (versions adopted before the setting). */
export const DEFAULT_PLEDGE_RULES: PledgeRules = { countersignedBy: 'cluster_leader_head' };

export interface RulesContent {
  scoring: {
    criteria: CriterionNode[];
    bonus: BonusPenaltyItem[];
    penalty: BonusPenaltyItem[];
  };
  awardCategories: AwardCategory[];
  voting: VotingRules;
  leaderRotation: LeaderRotationRule;
  /** Optional: absent means DEFAULT_PLEDGE_RULES. */
  pledge?: PledgeRules;
  /** Heads of member units needed to adopt a rules version (k of n); null: two thirds of members. */
  adoptionApprovals?: number | null;
}
