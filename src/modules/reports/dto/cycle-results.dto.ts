import { ApiProperty } from '@nestjs/swagger';
import { RESULTS_REPORT_STATUSES, type ResultsReportStatus } from '../results-report.entity';
import { FiguresResponseDto } from './report-figures.dto';

class ResultsCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2011 }) year: number;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
}

/** A unit's counted report: its latest approved version. */
export class UnitResultsDto extends FiguresResponseDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'son-la' }) unitCode: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) unitName: string;
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ type: 'integer', description: 'The version counted (the latest approved one).' }) number: number;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
}

export class MissingUnitDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({
    type: String,
    // OpenAPI 3.0: a nullable enum lists null among its values, or null does not validate.
    enum: [...RESULTS_REPORT_STATUSES, null],
    nullable: true,
    description: 'The status of the version in the works, or null when the unit has not started one.',
  })
  status: ResultsReportStatus | null;
}

export class CycleResultsResponseDto {
  @ApiProperty({ type: ResultsCycleDto }) cycle: ResultsCycleDto;
  @ApiProperty({
    type: FiguresResponseDto,
    description: 'Sums of the counted reports (exact; capital as a string). Only approved reports count.',
  })
  totals: FiguresResponseDto;
  @ApiProperty({ type: [UnitResultsDto], description: 'One row per current member unit with an approved report.' })
  units: UnitResultsDto[];
  @ApiProperty({ type: [MissingUnitDto], description: 'Current member units without an approved report.' })
  missingUnits: MissingUnitDto[];
}
