import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { IsCalendarDay } from '../../cycles';
import type { ScoringPeriod } from '../scoring-period.entity';
import { RequiredText } from './points';

export const SCORING_PERIOD_SORT: SortSpec = {
  fields: { createdAt: 'createdAt', selfScoringDue: 'selfScoringDue', name: 'name' },
  default: 'createdAt',
};

export class ListScoringPeriodsQueryDto extends PageQueryDto {}

export class CreateScoringPeriodDto {
  @RequiredText(200, 'Chấm điểm thi đua năm 2011')
  name: string;

  @ApiProperty({
    format: 'date',
    example: '2011-11-10',
    description: 'Last day (Asia/Ho_Chi_Minh) on which units enter or change self scores.',
  })
  @IsCalendarDay()
  selfScoringDue: string;

  @ApiProperty({
    format: 'date',
    example: '2011-11-18',
    description:
      'Last day on which a unit may explain a difference between its self and reviewed scores; not before selfScoringDue.',
  })
  @IsCalendarDay()
  explanationDue: string;
}

export class ScoringPeriodResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ example: 'Chấm điểm thi đua năm 2011' }) name: string;
  @ApiProperty({ format: 'uuid', description: "The cycle's pinned rules version when the period opened." })
  rulesVersionId: string;
  @ApiProperty({ format: 'date' }) selfScoringDue: string;
  @ApiProperty({ format: 'date' }) explanationDue: string;
  @ApiProperty({ enum: ['open', 'adopted'], description: 'Adopted: every score of the period is final.' })
  status: 'open' | 'adopted';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) adoptedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) adoptedBy: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ example: 1 }) version: number;
}

export function toScoringPeriodResponse(period: ScoringPeriod): ScoringPeriodResponseDto {
  return {
    id: period.id,
    cycleId: period.cycleId,
    name: period.name,
    rulesVersionId: period.rulesVersionId,
    selfScoringDue: period.selfScoringDue,
    explanationDue: period.explanationDue,
    status: period.status,
    adoptedAt: period.adoptedAt?.toISOString() ?? null,
    adoptedBy: period.adoptedBy,
    createdBy: period.createdBy,
    createdAt: period.createdAt.toISOString(),
    updatedAt: period.updatedAt.toISOString(),
    version: period.version,
  };
}
