import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, SearchQueryParam } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { UNIT_KINDS, type Unit, type UnitKind } from '../unit.entity';
import { PresentIfSent, RegistryCode, Trim, TrimToNull } from './registry-fields';

export const UNIT_SORT: SortSpec = { fields: { code: 'code', name: 'name', createdAt: 'createdAt' }, default: 'code' };

export class ListUnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive part of the code, name or short name.', maxLength: 200 })
  @IsOptional()
  @SearchQueryParam()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the units that are members of this cluster today.' })
  @IsOptional()
  @IsUUID()
  clusterId?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'LMHTX-SL', maxLength: 50 })
  @RegistryCode()
  code: string;

  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, example: 'LMHTX Sơn La', nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Sơn La', nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  province?: string | null;

  @ApiPropertyOptional({ enum: UNIT_KINDS, default: 'provincial_alliance' })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

/** Absent fields stay as they are; `shortName` and `province` may be set to null. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'LMHTX-SL', maxLength: 50 })
  @PresentIfSent()
  @RegistryCode()
  code?: string;

  @ApiPropertyOptional()
  @PresentIfSent()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  province?: string | null;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @PresentIfSent()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

export class UnitResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'LMHTX-SL' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
  @ApiProperty({ type: String, nullable: true }) shortName: string | null;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toUnitResponse(unit: Unit): UnitResponseDto {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName,
    province: unit.province,
    kind: unit.kind,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}
