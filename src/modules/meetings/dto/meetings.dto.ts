import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '../../cycles';
import { MEETING_STATUSES, type AgendaItem, type Meeting, type MeetingStatus } from '../meeting.entity';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const Text = (max: number) => (target: object, property: string) => {
  Trim()(target, property);
  IsString()(target, property);
  MinLength(1)(target, property);
  MaxLength(max)(target, property);
};

export class AgendaItemDto implements AgendaItem {
  @ApiProperty({ example: 'Bầu cụm trưởng năm 2012' }) @Text(500) title: string;
  @ApiPropertyOptional({ example: 'Bỏ phiếu kín' }) @IsOptional() @Text(2000) note?: string;
}

export class CreateMeetingDto {
  @ApiProperty({ example: 'Hội nghị giao ban Cụm thi đua năm 2011' }) @Text(500) title: string;
  @ApiProperty({ example: '2011-11-21', description: 'The calendar day of the meeting.' })
  @IsCalendarDay()
  heldOn: string;
  @ApiProperty({ example: 'Thành phố Lạng Sơn' }) @Text(500) place: string;
  @ApiPropertyOptional({ type: [AgendaItemDto], description: 'In the order the meeting takes them.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
}

export class UpdateMeetingDto {
  @ApiPropertyOptional() @IsOptional() @Text(500) title?: string;
  @ApiPropertyOptional({ example: '2011-11-21' }) @IsOptional() @IsCalendarDay() heldOn?: string;
  @ApiPropertyOptional() @IsOptional() @Text(500) place?: string;
  @ApiPropertyOptional({ type: [AgendaItemDto], description: 'Replaces the whole agenda.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
  @ApiPropertyOptional({
    enum: MEETING_STATUSES,
    description: 'Forward only: scheduled → in_session → closed. A closed meeting no longer changes.',
  })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
  @ExpectedVersionField('meeting')
  expectedVersion?: number;
}

export class MeetingResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2011-11-21' }) heldOn: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItem[];
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'integer', description: 'Send it back as expectedVersion when you change the meeting.' })
  version: number;
}

export function toMeetingResponse(meeting: Meeting): MeetingResponseDto {
  return {
    id: meeting.id,
    clusterId: meeting.clusterId,
    cycleId: meeting.cycleId,
    title: meeting.title,
    heldOn: meeting.heldOn,
    place: meeting.place,
    agenda: meeting.agenda,
    status: meeting.status,
    createdBy: meeting.createdBy,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
    version: meeting.version,
  };
}

export class QuorumRuleDto {
  @ApiProperty({ example: 0.6667, description: 'Share of member units that must be present.' }) required: number;
  @ApiProperty({ type: 'integer', example: 5, description: 'The fewest member units present that reach it.' })
  requiredUnits: number;
  @ApiProperty() met: boolean;
}

class PresentUnitDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'son-la' }) unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'uuid' }) delegateId: string;
}

export class MeetingQuorumResponseDto {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'uuid', description: "The cycle's pinned rules version the shares come from." })
  rulesVersionId: string;
  @ApiProperty({ type: 'integer', description: 'Current member units of the cluster.' }) members: number;
  @ApiProperty({ type: 'integer', description: 'Member units with a delegate checked in now.' }) present: number;
  @ApiProperty({ example: 0.8571 }) presentShare: number;
  @ApiProperty({ type: QuorumRuleDto, description: 'The quorum of the voting rules (`voting.quorum`).' })
  quorum: QuorumRuleDto;
  @ApiProperty({ type: QuorumRuleDto, description: 'The quorum for votes on awards (`voting.awardQuorum`).' })
  awardQuorum: QuorumRuleDto;
  @ApiProperty({ type: [PresentUnitDto] }) presentUnits: PresentUnitDto[];
}
