import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../../cycles';
import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type FlagIncident,
  type IncidentKind,
  type IncidentStatus,
} from '../flag-incident.entity';
import { trimmed } from './flags.dto';

export class ReportIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind: IncidentKind;

  @ApiProperty({ example: 'Cán cờ bị gãy khi vận chuyển.', maxLength: 2000 })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ example: '2011-10-02', description: 'The day it happened, when known (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDay()
  occurredOn?: string;
}

export class ResolveIncidentDto {
  @ApiProperty({ example: 'Đã thay cán cờ mới; cờ nguyên vẹn.', maxLength: 2000 })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution: string;
}

export class FlagIncidentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) flagId: string;
  @ApiProperty({ format: 'uuid', description: 'The custody period it happened in.' }) custodyPeriodId: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true, example: '2011-10-02' }) occurredOn: string | null;
  @ApiProperty({ format: 'uuid', description: 'The custodian unit whose head reported it.' }) reportingUnitId: string;
  @ApiProperty({ format: 'uuid' }) reportedBy: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty({ type: String, nullable: true }) resolution: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
}

export function toFlagIncidentResponse(incident: FlagIncident): FlagIncidentResponseDto {
  return {
    id: incident.id,
    flagId: incident.flagId,
    custodyPeriodId: incident.custodyPeriodId,
    kind: incident.kind,
    description: incident.description,
    occurredOn: incident.occurredOn,
    reportingUnitId: incident.reportingUnitId,
    reportedBy: incident.reportedBy,
    reportedAt: incident.reportedAt.toISOString(),
    status: incident.status,
    resolution: incident.resolution,
    resolvedBy: incident.resolvedBy,
    resolvedAt: incident.resolvedAt ? incident.resolvedAt.toISOString() : null,
  };
}
