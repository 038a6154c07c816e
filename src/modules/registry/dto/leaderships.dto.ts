import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  LEADERSHIP_BASES,
  LEADERSHIP_ROLES,
  type ClusterLeadership,
  type LeadershipBasis,
  type LeadershipRole,
} from '../cluster-leadership.entity';
import { TrimToNull } from './registry-fields';

export class RecordLeadershipDto {
  @ApiProperty({ format: 'uuid', description: 'A current member unit of the cluster.' })
  @IsUUID()
  unitId: string;

  @ApiProperty({
    enum: LEADERSHIP_ROLES,
    example: 'leader',
    description: 'Cluster leader (cụm trưởng) or deputy (cụm phó).',
  })
  @IsIn(LEADERSHIP_ROLES)
  role: LeadershipRole;

  @ApiProperty({
    type: 'integer',
    example: 2011,
    minimum: 2000,
    maximum: 2200,
    description: 'The year the term covers.',
  })
  @IsInt()
  @Min(2000)
  @Max(2200)
  termYear: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description: 'Where the record comes from (a decision, the minutes of a meeting).',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

class LeadershipUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'lang-son' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' }) name: string;
}

export class LeadershipResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: LeadershipUnitDto }) unit: LeadershipUnitDto;
  @ApiProperty({ enum: LEADERSHIP_ROLES }) role: LeadershipRole;
  @ApiProperty({ type: 'integer', example: 2011 }) termYear: number;
  @ApiProperty({
    enum: LEADERSHIP_BASES,
    description: '`recorded` by the secretariat, or `election` (a certified leader election).',
  })
  basis: LeadershipBasis;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pollId: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Expects `leadership.unit` to be loaded. */
export function toLeadershipResponse(leadership: ClusterLeadership): LeadershipResponseDto {
  const unit = leadership.unit!;
  return {
    id: leadership.id,
    clusterId: leadership.clusterId,
    unitId: leadership.unitId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    role: leadership.role,
    termYear: leadership.termYear,
    basis: leadership.basis,
    pollId: leadership.pollId,
    note: leadership.note,
    recordedBy: leadership.recordedBy,
    createdAt: leadership.createdAt.toISOString(),
  };
}
