import { ApprovalSummaryDto } from '../../approvals';
import type { UnitRef } from '../../registry';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { pickFigures } from '../results-figures';
import { RESULTS_REPORT_STATUSES, type ResultsReport, type ResultsReportStatus } from '../results-report.entity';
import { FigureNotes, FiguresResponseDto, NOTES_SCHEMA, ReportFiguresDto } from './report-figures.dto';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export const RESULTS_REPORT_SORT: SortSpec = {
  fields: { createdAt: 'createdAt', updatedAt: 'updatedAt', number: 'number', status: 'status' },
  default: 'createdAt',
};

/** A correction states every figure again; notes are optional. */
export class CorrectResultsReportDto extends ReportFiguresDto {
  @ApiPropertyOptional(NOTES_SCHEMA)
  @IsOptional()
  @FigureNotes()
  notes?: Record<string, string>;
}

export class CreateResultsReportDto extends CorrectResultsReportDto {
  @ApiProperty({ format: 'uuid', description: 'The unit the report is for; you hold its officer or head mandate.' })
  @IsUUID()
  unitId: string;
}

/** Absent fields stay as they are (none may be null); `notes`, when sent, replaces all notes. */
export class UpdateResultsReportDto extends PartialType(CorrectResultsReportDto, { skipNullProperties: false }) {
  @ExpectedVersionField('report')
  expectedVersion?: number;
}

export class ListResultsReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: RESULTS_REPORT_STATUSES })
  @IsOptional()
  @IsIn(RESULTS_REPORT_STATUSES)
  status?: ResultsReportStatus;
}

class ReportUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'son-la' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export class ResultsReportResponseDto extends FiguresResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: ReportUnitDto }) unit: ReportUnitDto;
  @ApiProperty({ type: 'integer', example: 1, description: '1 for the first report, 2 for its first correction…' })
  number: number;
  @ApiProperty({ enum: RESULTS_REPORT_STATUSES }) status: ResultsReportStatus;
  @ApiProperty(NOTES_SCHEMA) notes: Record<string, string>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The approved version this corrects.' })
  supersedesId: string | null;
  @ApiProperty({ format: 'uuid' }) draftedBy: string;
  @ApiProperty({
    type: ApprovalSummaryDto,
    nullable: true,
    description: 'The approval request: act on it with POST /approvals/{requestId}/acts (submit, approve, return).',
  })
  approval: ApprovalSummaryDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'integer', description: 'Send it back as expectedVersion when you change the draft.' })
  version: number;
}

/** The response of a report version, with the unit it is for and its approval request. */
export function toResultsReportResponse(
  report: ResultsReport,
  unit: UnitRef,
  approval: ApprovalSummaryDto | null,
): ResultsReportResponseDto {
  return {
    id: report.id,
    cycleId: report.cycleId,
    unitId: report.unitId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    number: report.number,
    status: report.status,
    ...pickFigures(report),
    notes: report.notes,
    supersedesId: report.supersedesId,
    draftedBy: report.draftedBy,
    approval,
    approvedAt: report.approvedAt?.toISOString() ?? null,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    version: report.version,
  };
}
