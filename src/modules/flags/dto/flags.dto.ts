import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CUSTODY_STATES, type CustodyState } from '../flag-custody-period.entity';
import type { Flag } from '../flag.entity';
import type { FlagCustodyPeriod } from '../flag-custody-period.entity';
import type { UnitRef } from '../../registry';

export const trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class RegisterFlagDto {
  @ApiProperty({ example: 'Cờ luân lưu Cụm thi đua các tỉnh biên giới phía Bắc', maxLength: 200 })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Cờ đỏ, viền vàng, thêu tên cụm.' })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The member unit that holds the flag today.' })
  @IsUUID()
  custodianUnitId: string;
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'son-la' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export function toUnitRef(unit: UnitRef): UnitRefDto {
  return { id: unit.id, code: unit.code, name: unit.name };
}

export class FlagPhotoDto {
  @ApiProperty({ description: 'SHA-256 (hex) of the bytes.' }) sha256: string;
  @ApiProperty({ example: 'image/jpeg' }) contentType: string;
}

export class FlagCustodyNowDto {
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ enum: CUSTODY_STATES }) state: CustodyState;
  @ApiProperty({ type: UnitRefDto, nullable: true, description: 'Null while the flag is in transit.' })
  custodian: UnitRefDto | null;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) handoverId: string | null;
}

export class FlagResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: FlagPhotoDto, nullable: true, description: 'GET /flags/{id}/photo serves the bytes.' })
  photo: FlagPhotoDto | null;
  @ApiProperty({ type: FlagCustodyNowDto, description: 'Who answers for the flag now.' })
  custody: FlagCustodyNowDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The handover under way, if any.' })
  openHandoverId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toFlagResponse(
  flag: Flag,
  current: FlagCustodyPeriod,
  custodian: UnitRef | null,
  openHandoverId: string | null,
): FlagResponseDto {
  return {
    id: flag.id,
    clusterId: flag.clusterId,
    name: flag.name,
    description: flag.description,
    photo: flag.photoSha256 ? { sha256: flag.photoSha256, contentType: flag.photoContentType! } : null,
    custody: {
      periodId: current.id,
      state: current.state,
      custodian: custodian ? toUnitRef(custodian) : null,
      since: current.startedAt.toISOString(),
      handoverId: current.handoverId,
    },
    openHandoverId,
    createdAt: flag.createdAt.toISOString(),
    updatedAt: flag.updatedAt.toISOString(),
  };
}
