import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { INVITATION_STATUSES, type ClusterInvitation, type InvitationStatus } from '../cluster-invitation.entity';
import { TrimToNull } from './registry-fields';

export const INVITATION_SORT: SortSpec = {
  fields: { createdAt: 'createdAt', joinedOn: 'joinedOn', status: 'status' },
  default: '-createdAt',
};

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}

export class CreateInvitationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({
    example: '2012-01-01',
    format: 'date',
    description: 'The first day of membership if the unit accepts.',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'joinedOn must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'joinedOn must be a real calendar day' })
  joinedOn: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, example: 'Theo Nghị quyết hội nghị cụm' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

class InvitedUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'son-la' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export class InvitationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: InvitedUnitDto }) unit: InvitedUnitDto;
  @ApiProperty({ format: 'date', example: '2012-01-01' }) joinedOn: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'uuid' }) invitedBy: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who accepted, declined or withdrew it.' })
  answeredBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The membership an acceptance started.' })
  membershipId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Expects `invitation.unit` to be loaded. */
export function toInvitationResponse(invitation: ClusterInvitation): InvitationResponseDto {
  const unit = invitation.unit!;
  return {
    id: invitation.id,
    clusterId: invitation.clusterId,
    unitId: invitation.unitId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    joinedOn: invitation.joinedOn,
    note: invitation.note,
    status: invitation.status,
    invitedBy: invitation.invitedBy,
    answeredBy: invitation.answeredBy,
    answeredAt: invitation.answeredAt?.toISOString() ?? null,
    membershipId: invitation.membershipId,
    createdAt: invitation.createdAt.toISOString(),
  };
}
