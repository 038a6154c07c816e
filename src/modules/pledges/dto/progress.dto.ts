import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ApprovalSummaryDto } from '../../approvals';
import type { UnitRef } from '../../registry';
import {
  PROGRESS_PERIODS,
  PROGRESS_REPORT_STATUSES,
  type PledgeProgressReport,
  type ProgressPeriod,
  type ProgressReportStatus,
} from '../pledge-progress-report.entity';
import type { PledgeProgressValue } from '../pledge-progress-value.entity';
import type { PledgeTarget } from '../pledge-target.entity';
import { DECIMAL_PATTERN, DecimalString } from './pledge-fields';
import { MAX_TARGETS } from './unit-pledges.dto';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export class ProgressValueInputDto {
  @ApiProperty({ format: 'uuid', description: "One of the unit's signed targets." })
  @IsUUID()
  targetId: string;

  @ApiProperty({ example: '12', pattern: DECIMAL_PATTERN.source, description: 'The actual value so far.' })
  @DecimalString()
  actualValue: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'Theo số liệu đăng ký kinh doanh' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ProgressValuesDto {
  @ApiProperty({ type: [ProgressValueInputDto], minItems: 1, maxItems: MAX_TARGETS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => ProgressValueInputDto)
  values: ProgressValueInputDto[];
}

export class CreateProgressReportDto extends ProgressValuesDto {
  @ApiProperty({ enum: PROGRESS_PERIODS, description: 'Mid-year review (sơ kết) or year end.' })
  @IsIn(PROGRESS_PERIODS)
  period: ProgressPeriod;
}

export class UpdateProgressReportDto extends ProgressValuesDto {
  @ExpectedVersionField('progress report')
  expectedVersion?: number;
}

export class ProgressValueDto {
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() indicator: string;
  @ApiProperty() unitOfMeasure: string;
  @ApiProperty({ example: '20.00' }) targetValue: string;
  @ApiProperty({ example: '12.00' }) actualValue: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

class ProgressUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'son-la' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export class ProgressReportResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitPledgeId: string;
  @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: ProgressUnitDto }) unit: ProgressUnitDto;
  @ApiProperty({ enum: PROGRESS_PERIODS }) period: ProgressPeriod;
  @ApiProperty({ type: 'integer', description: '1, then +1 for each correction of an approved report.' })
  number: number;
  @ApiProperty({ enum: PROGRESS_REPORT_STATUSES }) status: ProgressReportStatus;
  @ApiProperty({ type: [ProgressValueDto] }) values: ProgressValueDto[];
  @ApiProperty({ type: ApprovalSummaryDto, nullable: true }) approval: ApprovalSummaryDto | null;
  @ApiProperty({ format: 'uuid' }) draftedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Optimistic version (also the ETag): send it back as expectedVersion or If-Match when you change it.',
  })
  version: number;
}

export interface ProgressReportView {
  report: PledgeProgressReport;
  pledgeId: string;
  cycleId: string;
  unit: UnitRef;
  values: PledgeProgressValue[];
  targets: PledgeTarget[];
  approval: ApprovalSummaryDto | null;
}

export function toProgressReportResponse(view: ProgressReportView): ProgressReportResponseDto {
  const { report, unit } = view;
  const targetOf = new Map(view.targets.map((target) => [target.id, target]));
  return {
    id: report.id,
    unitPledgeId: report.unitPledgeId,
    pledgeId: view.pledgeId,
    cycleId: view.cycleId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: report.period,
    number: report.number,
    status: report.status,
    values: view.values
      .map((value) => ({ value, target: targetOf.get(value.targetId)! }))
      .sort((a, b) => a.target.position - b.target.position)
      .map(({ value, target }) => ({
        targetId: target.id,
        position: target.position,
        indicator: target.indicator,
        unitOfMeasure: target.unitOfMeasure,
        targetValue: target.targetValue,
        actualValue: value.actualValue,
        note: value.note,
      })),
    approval: view.approval,
    draftedBy: report.draftedBy,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    version: report.version,
  };
}

export class ProgressActualDto {
  @ApiProperty({ format: 'uuid', description: 'The latest approved report of the period that gives this target.' })
  reportId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ example: '12.00' }) actualValue: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '60.00',
    description: 'actualValue ÷ targetValue × 100, rounded to 2 decimals; null when the target is 0.',
  })
  percentAchieved: string | null;
}

export class ProgressTargetRowDto {
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() indicator: string;
  @ApiProperty() unitOfMeasure: string;
  @ApiProperty({ example: '20.00' }) targetValue: string;
  @ApiProperty({ type: String, nullable: true }) baseline: string | null;
  @ApiProperty({ type: ProgressActualDto, nullable: true }) midYear: ProgressActualDto | null;
  @ApiProperty({ type: ProgressActualDto, nullable: true }) yearEnd: ProgressActualDto | null;
}

export class ProgressUnitRowDto {
  @ApiProperty({ type: ProgressUnitDto }) unit: ProgressUnitDto;
  @ApiProperty({ format: 'uuid' }) unitPledgeId: string;
  @ApiProperty({ description: "The unit's pledge status; targets are listed once it is signed." }) status: string;
  @ApiProperty({ type: [ProgressTargetRowDto] }) targets: ProgressTargetRowDto[];
}

export class PledgeProgressResponseDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The current pledge version.' })
  pledgeId: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The current pledge version (its `number`).' })
  pledgeNumber: number | null;
  @ApiProperty({ type: [ProgressUnitRowDto], description: 'By unit code; only approved reports count.' })
  units: ProgressUnitRowDto[];
}
