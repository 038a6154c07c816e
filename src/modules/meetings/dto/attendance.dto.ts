import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { MeetingAttendance } from '../meeting-attendance.entity';

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CheckInDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The unit. A delegate checking in themselves may omit it when they sit for one unit only.',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Secretariat only: the person who sits for the unit (a delegate or head of it). Default: you.',
  })
  @IsOptional()
  @IsUUID()
  delegateId?: string;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Trim() @IsString() @MaxLength(1000) note?: string;
}

export class CheckOutDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The unit; a delegate may omit it for their own unit.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why the delegate withdraws.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class AttendanceResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'son-la' }) unitCode: string;
  @ApiProperty({ format: 'uuid' }) delegateId: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
  @ApiProperty({ format: 'uuid', description: 'The delegate themselves, or the secretariat member who recorded it.' })
  checkedInBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedOutAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) checkedOutBy: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ description: 'Checked in and not out.' }) present: boolean;
}

export function toAttendanceResponse(row: MeetingAttendance, unitCode: string): AttendanceResponseDto {
  return {
    id: row.id,
    meetingId: row.meetingId,
    unitId: row.unitId,
    unitCode,
    delegateId: row.delegateId,
    checkedInAt: row.checkedInAt.toISOString(),
    checkedInBy: row.checkedInBy,
    checkedOutAt: row.checkedOutAt?.toISOString() ?? null,
    checkedOutBy: row.checkedOutBy,
    note: row.note,
    present: row.checkedOutAt === null,
  };
}
