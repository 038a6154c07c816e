import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, SearchQueryParam } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import type { Cluster } from '../cluster.entity';
import { PresentIfSent, RegistryCode, Trim, TrimToNull } from './registry-fields';

export const CLUSTER_SORT: SortSpec = {
  fields: { code: 'code', name: 'name', createdAt: 'createdAt' },
  default: 'code',
};

export class ListClustersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive part of the code or the name.', maxLength: 200 })
  @IsOptional()
  @SearchQueryParam()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CreateClusterDto {
  @ApiProperty({ example: 'CUM-LMHTX-MNPB', maxLength: 50 })
  @RegistryCode()
  code: string;

  @ApiProperty({ example: 'Cụm thi đua Liên minh HTX 7 tỉnh miền núi phía Bắc' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The body the cluster reports to, e.g. the national alliance.',
  })
  @IsOptional()
  @IsUUID()
  parentUnitId?: string | null;
}

/** Absent fields stay as they are; `description` and `parentUnitId` may be set to null. */
export class UpdateClusterDto {
  @ApiPropertyOptional({ example: 'CUM-LMHTX-MNPB', maxLength: 50 })
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

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  parentUnitId?: string | null;
}

export class ClusterResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CUM-LMHTX-MNPB' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentUnitId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toClusterResponse(cluster: Cluster): ClusterResponseDto {
  return {
    id: cluster.id,
    code: cluster.code,
    name: cluster.name,
    description: cluster.description,
    parentUnitId: cluster.parentUnitId,
    createdAt: cluster.createdAt.toISOString(),
    updatedAt: cluster.updatedAt.toISOString(),
  };
}
