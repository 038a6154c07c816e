import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BooleanQueryParam, PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import type { ApprovalDelegation } from '../approval-delegation.entity';

export const DELEGATION_SORT: SortSpec = {
  fields: { validFrom: 'validFrom', validTo: 'validTo', createdAt: 'createdAt' },
  default: '-validFrom',
};

/** An instant with an explicit offset, so it never depends on the server's time zone. */
const Instant = () => (target: object, property: string) => {
  Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: `${property} must be an ISO 8601 date-time with an offset, e.g. 2011-11-21T08:00:00+07:00`,
  })(target, property);
  IsISO8601({ strict: true }, { message: `${property} must be a real date and time` })(target, property);
};

const Reason = () => (target: object, property: string) => {
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))(
    target,
    property,
  );
  IsOptional()(target, property);
  IsString()(target, property);
  MaxLength(500)(target, property);
};

export class GrantDelegationDto {
  @ApiProperty({ format: 'uuid', description: 'The unit whose approvals are delegated; the caller heads it.' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'uuid', description: 'Another person holding a mandate of the same unit.' })
  @IsUUID()
  delegateId: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the window; now when absent.' })
  @IsOptional()
  @Instant()
  validFrom?: string;

  @ApiProperty({ format: 'date-time', description: 'End of the window (excluded); later than validFrom and now.' })
  @Instant()
  validTo: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Chủ tịch đi công tác 21–25/11/2011' })
  @Reason()
  reason?: string;
}

export class RevokeDelegationDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the audit ledger.' })
  @Reason()
  reason?: string;
}

export class ListDelegationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: in their window now and not revoked; false: the others.' })
  @IsOptional()
  @BooleanQueryParam()
  @IsBoolean()
  active?: boolean;
}

export class DelegationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid', description: 'The head who delegated.' }) delegatorId: string;
  @ApiProperty({ format: 'uuid' }) delegateId: string;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ format: 'date-time', description: 'Excluded end.' }) validTo: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({
    description: 'In its window now and not revoked. Acts also need the delegator to head the unit still.',
  })
  active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toDelegationResponse(delegation: ApprovalDelegation, now = new Date()): DelegationResponseDto {
  return {
    id: delegation.id,
    unitId: delegation.unitId,
    delegatorId: delegation.delegatorId,
    delegateId: delegation.delegateId,
    validFrom: delegation.validFrom.toISOString(),
    validTo: delegation.validTo.toISOString(),
    reason: delegation.reason,
    revokedAt: delegation.revokedAt?.toISOString() ?? null,
    active: !delegation.revokedAt && delegation.validFrom <= now && now < delegation.validTo,
    createdAt: delegation.createdAt.toISOString(),
  };
}
