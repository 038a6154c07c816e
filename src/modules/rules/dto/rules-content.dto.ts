import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type {
  AwardCategory,
  AwardEligibility,
  AwardLevel,
  BonusPenaltyItem,
  CriterionNode,
  LeaderRotationRule,
  PledgeCountersigner,
  PledgeRules,
  RulesContent,
  ThresholdBase,
  TieBreak,
  VotingRules,
} from '../rules-content';

/**
 * The SHAPE of a rules content: types, enums, required fields, no unknown fields (the global
 * pipe's whitelist reaches every nested object). Ranges and the rules between fields — sums,
 * caps, shares in (0, 1], unique codes — are rules-content.validator.ts's, answered as 422
 * `rules_content_invalid` with the same field paths.
 */
export const AWARD_LEVELS: readonly AwardLevel[] = [
  'government_flag',
  'ministry_flag',
  'province_flag',
  'alliance_flag',
  'certificate_of_merit',
];
export const THRESHOLD_BASES: readonly ThresholdBase[] = ['valid_votes', 'all_members', 'present_members'];
export const TIE_BREAKS: readonly TieBreak[] = ['higher_final_score', 'women_led_unit', 'recorded_draw'];
export const RUNOFF_POLICIES = ['top_two', 'none'] as const;
export const PLEDGE_COUNTERSIGNERS: readonly PledgeCountersigner[] = ['cluster_leader_head', 'secretariat'];

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const Points = () => IsNumber({ allowNaN: false, allowInfinity: false });

const Code = () => (target: object, property: string) => {
  Trim()(target, property);
  IsString()(target, property);
  MinLength(1)(target, property);
  MaxLength(50)(target, property);
};
const Name = () => (target: object, property: string) => {
  Trim()(target, property);
  IsString()(target, property);
  MinLength(1)(target, property);
  MaxLength(500)(target, property);
};
const Nested = (type: () => new () => object, each = false) =>
  ((target: object, property: string) => {
    if (!each) IsObject()(target, property);
    ValidateNested({ each })(target, property);
    Type(type)(target, property);
  }) as PropertyDecorator;
const List = (max: number) => (target: object, property: string) => {
  IsArray()(target, property);
  ArrayMaxSize(max)(target, property);
};

export class CriterionDto implements CriterionNode {
  @ApiProperty({ example: 'A1' }) @Code() code: string;
  @ApiProperty({ example: 'Củng cố tổ chức bộ máy, xây dựng đội ngũ cán bộ' }) @Name() name: string;

  @ApiPropertyOptional({
    example: 10,
    description: "Required on leaves; on a parent, omit it (it is the sum of the children's) or state the sum.",
  })
  @IsOptional()
  @Points()
  maxPoints?: number;

  @ApiPropertyOptional({ type: () => [CriterionDto], description: 'Sub-criteria; none for a leaf.' })
  @IsOptional()
  @List(100)
  @Nested(() => CriterionDto, true)
  children?: CriterionDto[];
}

export class BonusPenaltyItemDto implements BonusPenaltyItem {
  @ApiProperty({ example: 'BONUS-MODEL' }) @Code() code: string;
  @ApiProperty({ example: 'Mô hình, sáng kiến mới được Liên minh HTX Việt Nam ghi nhận' }) @Name() name: string;
  @ApiProperty({ example: 1, description: 'Points per occurrence.' }) @Points() points: number;

  @ApiProperty({ example: 3, description: 'The most the item counts in total; required.' })
  @IsOptional()
  @Points()
  cap: number;
}

export class AwardEligibilityDto implements AwardEligibility {
  @ApiPropertyOptional({ description: 'The unit signed and sealed its pledge for the year.' })
  @IsOptional()
  @IsBoolean()
  requiresSealedPledge?: boolean;

  @ApiPropertyOptional({ example: 80 })
  @IsOptional()
  @Points()
  minFinalScore?: number;

  @ApiPropertyOptional({
    example: 'ALLIANCE-FLAG',
    description: 'The code of another category the unit must qualify for first.',
  })
  @IsOptional()
  @Code()
  requiresCategory?: string;

  @ApiPropertyOptional({ description: 'The cluster adopted the ranking the unit stands in.' })
  @IsOptional()
  @IsBoolean()
  requiresAdoptedRanking?: boolean;
}

export class AwardCategoryDto implements AwardCategory {
  @ApiProperty({ example: 'ALLIANCE-FLAG' }) @Code() code: string;
  @ApiProperty({ example: 'Cờ thi đua của Liên minh HTX Việt Nam' }) @Name() nameVi: string;
  @ApiProperty({ example: 'The emulation flag of the Vietnam Cooperative Alliance' }) @Name() nameEn: string;
  @ApiProperty({ enum: AWARD_LEVELS }) @IsIn(AWARD_LEVELS) level: AwardLevel;

  @ApiPropertyOptional({ example: 1, description: 'At most this many units.' })
  @IsOptional()
  @IsInt()
  quotaCount?: number;

  @ApiPropertyOptional({ example: 0.2, description: 'At most this share of the eligible units, in (0, 1].' })
  @IsOptional()
  @Points()
  quotaShare?: number;

  @ApiProperty({ type: AwardEligibilityDto, description: 'At least one condition.' })
  @IsOptional()
  @Nested(() => AwardEligibilityDto)
  eligibility: AwardEligibilityDto;
}

export class VotingRulesDto implements VotingRules {
  @ApiProperty({ example: 2 / 3, description: 'Share of member units present for a vote to be valid, in (0, 1].' })
  @Points()
  quorum: number;

  @ApiProperty({ example: 0.8, description: 'Share of member units present when the vote is on awards, in (0, 1].' })
  @Points()
  awardQuorum: number;

  @ApiProperty({ example: 0.8, description: 'Share of `thresholdBase` needed to pass, in (0, 1].' })
  @Points()
  passingThreshold: number;

  @ApiProperty({ enum: THRESHOLD_BASES }) @IsIn(THRESHOLD_BASES) thresholdBase: ThresholdBase;
  @ApiProperty() @IsBoolean() abstentionsCountAsCast: boolean;
  @ApiProperty() @IsBoolean() invalidBallotsCountAsCast: boolean;

  @ApiProperty({ example: 2, description: 'Ballots in a round before the leader and deputy decide; at least 1.' })
  @IsInt()
  maxBallotsPerRound: number;

  @ApiProperty({ enum: RUNOFF_POLICIES }) @IsIn(RUNOFF_POLICIES) runoff: 'top_two' | 'none';

  @ApiProperty({ enum: TIE_BREAKS, isArray: true, description: 'Applied in order; at least one.' })
  @List(TIE_BREAKS.length * 2)
  @IsIn(TIE_BREAKS, { each: true })
  tieBreak: TieBreak[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 100 },
    example: { 'son-la': 2 },
    description: 'Ballots per member unit by unit code; absent units and an absent map: 1 each.',
  })
  @IsOptional()
  @IsObject()
  voterWeights?: Record<string, number>;

  @ApiPropertyOptional({ description: 'Whether one poll may combine electronic and paper ballots; absent: allowed.' })
  @IsOptional()
  @IsBoolean()
  mixedBallots?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    example: 3,
    description:
      'Mixed polls: the bulletin board lists ballot by ballot only when at least this many units voted ' +
      'electronically and at least this many on paper (or none did); otherwise the merged totals only. Absent: 3.',
  })
  @IsOptional()
  @IsInt()
  minElectronicVotersForBoard?: number;

  @ApiPropertyOptional({
    example: 0.5,
    description:
      'Share of the units present that must raise a hand for a proposed counting board, strictly more than it, ' +
      'in (0, 1); absent: 0.5 (more than half).',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0.01)
  @Max(0.99)
  countingBoardMajority?: number;
}

export class LeaderRotationRuleDto implements LeaderRotationRule {
  @ApiProperty({ description: 'Whether the outgoing leader unit may be elected for the next term.' })
  @IsBoolean()
  outgoingLeaderEligible: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['son-la', 'lai-chau'],
    description: 'Member unit codes in rotation order, when the cluster fixes one.',
  })
  @IsOptional()
  @List(200)
  @IsString({ each: true })
  fixedOrder?: string[];
}

export class PledgeRulesDto implements PledgeRules {
  @ApiProperty({
    enum: PLEDGE_COUNTERSIGNERS,
    description:
      "Who countersigns the members' signed pledges to seal them: the cluster leader unit's head or the secretariat.",
  })
  @IsIn(PLEDGE_COUNTERSIGNERS)
  countersignedBy: PledgeCountersigner;
}

export class ScoringDto {
  @ApiProperty({ type: [CriterionDto] }) @List(100) @Nested(() => CriterionDto, true) criteria: CriterionDto[];
  @ApiProperty({ type: [BonusPenaltyItemDto] })
  @List(100)
  @Nested(() => BonusPenaltyItemDto, true)
  bonus: BonusPenaltyItemDto[];
  @ApiProperty({ type: [BonusPenaltyItemDto] })
  @List(100)
  @Nested(() => BonusPenaltyItemDto, true)
  penalty: BonusPenaltyItemDto[];
}

/** A rules version's content: the scoring table, award categories, voting and rotation rules. */
export class RulesContentDto implements RulesContent {
  @ApiProperty({ type: ScoringDto }) @IsDefined() @Nested(() => ScoringDto) scoring: ScoringDto;

  @ApiProperty({ type: [AwardCategoryDto] })
  @List(50)
  @Nested(() => AwardCategoryDto, true)
  awardCategories: AwardCategoryDto[];

  @ApiProperty({ type: VotingRulesDto }) @IsDefined() @Nested(() => VotingRulesDto) voting: VotingRulesDto;

  @ApiProperty({ type: LeaderRotationRuleDto })
  @IsDefined()
  @Nested(() => LeaderRotationRuleDto)
  leaderRotation: LeaderRotationRuleDto;

  @ApiPropertyOptional({ type: PledgeRulesDto, description: 'Absent: countersigned by the cluster leader unit head.' })
  @IsOptional()
  @Nested(() => PledgeRulesDto)
  pledge?: PledgeRulesDto;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: null,
    description: 'Heads of member units needed to adopt the NEXT version (k of n); null: two thirds of members.',
  })
  @IsOptional()
  @IsInt()
  adoptionApprovals?: number | null;
}
