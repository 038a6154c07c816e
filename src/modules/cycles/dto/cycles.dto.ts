import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import type { CycleTransition } from '../cycle-transition.entity';
import type { Cycle } from '../cycle.entity';
import { CYCLE_PHASES, type CyclePhase } from '../cycle-phase';
import {
  IsCalendarDay,
  IsPhaseDeadlines,
  orderedDeadlines,
  phaseDeadlinesSchema,
  type PhaseDeadlineChanges,
  type PhaseDeadlines,
} from './phase-deadlines';

export const CYCLE_SORT: SortSpec = {
  fields: { year: 'year', createdAt: 'createdAt', updatedAt: 'updatedAt' },
  default: '-year',
};

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

const ExpectedVersion = () => ExpectedVersionField('cycle');

export class ListCyclesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CYCLE_PHASES })
  @IsOptional()
  @IsIn(CYCLE_PHASES)
  phase?: CyclePhase;
}

export class OpenCycleDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2200, example: 2012 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @ApiPropertyOptional({
    ...phaseDeadlinesSchema(false),
    description: 'Deadline per phase, a calendar day in Asia/Ho_Chi_Minh (every phase but closed).',
  })
  @IsOptional()
  @IsPhaseDeadlines({ allowNull: false })
  deadlines?: PhaseDeadlines;
}

export class AdvanceCycleDto {
  @ApiProperty({ enum: CYCLE_PHASES, description: 'Exactly the phase after the current one.' })
  @IsIn(CYCLE_PHASES)
  to: CyclePhase;

  @ExpectedVersion()
  expectedVersion?: number;
}

export class ReopenPhaseDto {
  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    example: 'Hai đơn vị nộp báo cáo muộn do lũ; gia hạn đến 15/12.',
    description: 'Why the phase is reopened; kept in the history and the ledger.',
  })
  @Trim()
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ format: 'date', example: '2011-12-15', description: "The current phase's new deadline." })
  @IsOptional()
  @IsCalendarDay()
  deadline?: string;

  @ExpectedVersion()
  expectedVersion?: number;
}

export class SetDeadlinesDto {
  @ApiProperty({
    ...phaseDeadlinesSchema(true),
    description:
      'The phases named get this deadline (null clears it); the others keep theirs. ' +
      'Only the current phase and later ones may change.',
  })
  @IsPhaseDeadlines({ allowNull: true })
  deadlines: PhaseDeadlineChanges;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Kept in the history with the changes.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;

  @ExpectedVersion()
  expectedVersion?: number;
}

export class PinRulesVersionDto {
  @ApiProperty({ format: 'uuid', description: 'An adopted rules version of the same cluster.' })
  @IsUUID()
  rulesVersionId: string;

  @ExpectedVersion()
  expectedVersion?: number;
}

export class CycleResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ example: 2012 }) year: number;
  @ApiProperty({ enum: CYCLE_PHASES }) phase: CyclePhase;
  @ApiProperty({ ...phaseDeadlinesSchema(false), description: 'Calendar days in Asia/Ho_Chi_Minh.' })
  deadlines: PhaseDeadlines;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The pinned reward rules.' })
  rulesVersionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) openedBy: string | null;
  @ApiProperty({ example: 3, description: 'Grows with every change; send it back as expectedVersion.' })
  version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toCycleResponse(cycle: Cycle): CycleResponseDto {
  return {
    id: cycle.id,
    clusterId: cycle.clusterId,
    year: cycle.year,
    phase: cycle.phase,
    deadlines: orderedDeadlines(cycle.deadlines),
    rulesVersionId: cycle.rulesVersionId,
    openedBy: cycle.openedBy,
    version: cycle.version,
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

export class CycleTransitionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['opened', 'advanced', 'reopened', 'deadline_changed'] })
  kind: CycleTransition['kind'];
  @ApiProperty({ type: String, enum: [...CYCLE_PHASES, null], nullable: true }) fromPhase: CyclePhase | null;
  @ApiProperty({ enum: CYCLE_PHASES }) toPhase: CyclePhase;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toCycleTransitionResponse(transition: CycleTransition): CycleTransitionResponseDto {
  return {
    id: transition.id,
    kind: transition.kind,
    fromPhase: transition.fromPhase,
    toPhase: transition.toPhase,
    reason: transition.reason,
    actorId: transition.actorId,
    createdAt: transition.createdAt.toISOString(),
  };
}
