import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { ROLES, type Mandate, type Role } from '../mandate.entity';

export const MANDATE_SORT: SortSpec = {
  fields: { validFrom: 'validFrom', validTo: 'validTo', createdAt: 'createdAt', role: 'role' },
  default: '-validFrom',
};

/** An instant with an explicit offset, so it never depends on the server's time zone. */
const Instant = () => (target: object, property: string) => {
  Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: `${property} must be an ISO 8601 date-time with an offset, e.g. 2012-01-01T00:00:00+07:00`,
  })(target, property);
  IsISO8601({ strict: true }, { message: `${property} must be a real date and time` })(target, property);
};

export class ListMandatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clusterId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2011-11-21T09:00:00+07:00',
    description: 'Only mandates in force at this instant (validFrom <= t < validTo, or no validTo).',
  })
  @IsOptional()
  @Instant()
  activeAt?: string;
}

export class GrantMandateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({
    enum: ROLES,
    description: 'officer, head, delegate: for a unit; secretariat: for a cluster; admin: neither.',
  })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Required for officer, head and delegate; refused otherwise.',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Required for secretariat; refused otherwise.',
  })
  @IsOptional()
  @IsUUID()
  clusterId?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the mandate starts; now when absent.' })
  @IsOptional()
  @Instant()
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it ends (excluded); open-ended when absent.' })
  @IsOptional()
  @Instant()
  validTo?: string;
}

export class EndMandateDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The first instant the mandate no longer holds; now when absent.',
  })
  @IsOptional()
  @Instant()
  validTo?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Term ended at the 2011 cluster meeting',
    description: 'Kept in the audit ledger.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class MandateResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clusterId: string | null;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Excluded end; null while open-ended.',
  })
  validTo: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who granted it; null for bootstrap.' })
  grantedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who ended it; null while not ended.' })
  endedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toMandateResponse(mandate: Mandate): MandateResponseDto {
  return {
    id: mandate.id,
    userId: mandate.userId,
    role: mandate.role,
    unitId: mandate.unitId,
    clusterId: mandate.clusterId,
    validFrom: mandate.validFrom.toISOString(),
    validTo: mandate.validTo?.toISOString() ?? null,
    grantedBy: mandate.grantedBy,
    endedBy: mandate.endedBy ?? null,
    createdAt: mandate.createdAt.toISOString(),
  };
}
