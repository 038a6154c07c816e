import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { BooleanQueryParam, PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import type { ClusterMembership } from '../cluster-membership.entity';

export const MEMBERSHIP_SORT: SortSpec = {
  fields: { joinedOn: 'joinedOn', leftOn: 'leftOn', createdAt: 'createdAt' },
  default: 'joinedOn',
};

/** A calendar day: membership is decided by meetings, not instants. */
const CalendarDay = () => (target: object, property: string) => {
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${property} must be a day written YYYY-MM-DD` })(target, property);
  IsISO8601({ strict: true }, { message: `${property} must be a real calendar day` })(target, property);
};

export class ListMembershipsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: members today; false: past and future memberships only.' })
  @IsOptional()
  @BooleanQueryParam()
  @IsBoolean()
  current?: boolean;
}

export class StartMembershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '2011-01-01', format: 'date' })
  @CalendarDay()
  joinedOn: string;
}

export class EndMembershipDto {
  @ApiProperty({ example: '2012-12-31', format: 'date', description: 'The last day of membership (included).' })
  @CalendarDay()
  leftOn: string;
}

class MemberUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'LMHTX-SL' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export class MembershipResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: MemberUnitDto }) unit: MemberUnitDto;
  @ApiProperty({ format: 'date', example: '2011-01-01' }) joinedOn: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day of membership; null while open.',
  })
  leftOn: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Expects `membership.unit` to be loaded. */
export function toMembershipResponse(membership: ClusterMembership): MembershipResponseDto {
  const unit = membership.unit!;
  return {
    id: membership.id,
    clusterId: membership.clusterId,
    unitId: membership.unitId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    joinedOn: membership.joinedOn,
    leftOn: membership.leftOn,
    createdAt: membership.createdAt.toISOString(),
  };
}
