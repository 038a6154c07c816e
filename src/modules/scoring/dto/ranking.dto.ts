import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { TieBreak } from '../../rules';
import type { RankedUnit } from '../ranking';
import { SCORE_STAGES, type ScoreStage } from '../score-values';

const TIE_BREAKS: TieBreak[] = ['higher_final_score', 'women_led_unit', 'recorded_draw'];
const POINTS = { type: String, example: '87.50', description: 'Points, exact, two decimals.' } as const;
const GROUPS_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { A: '28.00', B: '41.50', C: '22.00' },
  description: 'Subtotal per top-level criteria group, by group code.',
} as const;

export class RankingQueryDto {
  @ApiPropertyOptional({
    enum: SCORE_STAGES,
    default: 'final',
    description:
      'self: the units’ own scores; reviewed: the reviewers’ (the self score where none); final: the ' +
      'secretariat’s final, else the reviewed, else the self score.',
  })
  @IsOptional()
  @IsIn(SCORE_STAGES)
  stage: ScoreStage = 'final';
}

export class RankingGroupDto {
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: 'Công tác tổ chức, xây dựng Liên minh' }) name: string;
}

export class RankingRowDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Tied units share a rank; the next rank skips.' })
  rank: number;
  @ApiProperty({
    description:
      'Still tied with another unit after the tie-breaks of the rules that come before the draw. The draw is ' +
      'held at adoption; an adopted ranking is tied only when the rules have no draw.',
  })
  tied: boolean;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'son-la' }) unitCode: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) unitName: string;
  @ApiProperty({ description: 'Led by a woman or ≥ 70% women: a tie-break preference.' }) womenLed: boolean;
  @ApiProperty({ ...POINTS, description: 'criteria + bonus − penalty.' }) total: string;
  @ApiProperty({ ...POINTS, description: 'Sum of the leaf criteria.' }) criteria: string;
  @ApiProperty(POINTS) bonus: string;
  @ApiProperty(POINTS) penalty: string;
  @ApiProperty(GROUPS_SCHEMA) groups: Record<string, string>;
}

export class RankingMissingUnitDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({
    type: String,
    enum: ['draft', null],
    nullable: true,
    description: 'draft: started, not submitted; null: no sheet at all.',
  })
  sheetStatus: 'draft' | null;
}

export class RankingResponseDto {
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty() periodName: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ format: 'uuid' }) rulesVersionId: string;
  @ApiProperty({ enum: SCORE_STAGES }) stage: ScoreStage;
  @ApiProperty({
    description:
      'True when this is the adopted snapshot (stage final of an adopted period): stored at adoption, never recomputed.',
  })
  adopted: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) adoptedAt: string | null;
  @ApiProperty({ enum: TIE_BREAKS, isArray: true, description: 'The order of tie-breaks of the rules version.' })
  tieBreakOrder: TieBreak[];
  @ApiProperty({
    enum: TIE_BREAKS,
    isArray: true,
    description: 'The tie-breaks that separated at least two units with equal totals (recorded_draw: the draw).',
  })
  tieBreaks: TieBreak[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The leading unit (rank 1), named by the adopted ranking; null before adoption or on a tie at the top.',
  })
  leadingUnitId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'SHA-256 of the RFC 8785 encoding of `rows`, as recorded in the ledger (scoring.ranking_adopted); adopted only.',
  })
  rankingDigest: string | null;
  @ApiProperty({ type: [RankingGroupDto], description: 'The top-level criteria groups, in the order of the rules.' })
  groups: RankingGroupDto[];
  @ApiProperty({ type: [RankingRowDto], description: 'Units with a submitted sheet, best first.' })
  rows: RankingRowDto[];
  @ApiProperty({ type: [RankingMissingUnitDto], description: 'Current member units without a submitted sheet.' })
  missingUnits: RankingMissingUnitDto[];
}

export function toRankingRow(unit: RankedUnit): RankingRowDto {
  return {
    rank: unit.rank,
    tied: unit.tied,
    unitId: unit.unitId,
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    womenLed: unit.womenLed,
    total: unit.total,
    criteria: unit.criteria,
    bonus: unit.bonus,
    penalty: unit.penalty,
    groups: unit.groups,
  };
}
