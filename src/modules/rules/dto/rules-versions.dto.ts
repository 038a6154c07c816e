import { ApprovalSummaryDto } from '../../approvals';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { totalMaxPoints, withComputedMaxima } from '../criteria-tree';
import type { RulesContent } from '../rules-content';
import { RULES_VERSION_STATUSES, type RulesVersion, type RulesVersionStatus } from '../rules-version.entity';
import { RulesContentDto } from './rules-content.dto';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export const RULES_VERSION_SORT: SortSpec = {
  fields: { number: 'number', createdAt: 'createdAt', adoptedAt: 'adoptedAt' },
  default: 'number',
};

const Title = () => (target: object, property: string) => {
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))(target, property);
  IsString()(target, property);
  MinLength(1)(target, property);
  MaxLength(300)(target, property);
};
/** A PATCH field that may be absent but, when sent, may not be null. */
const PresentIfSent = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);
const Content = () => (target: object, property: string) => {
  IsObject()(target, property);
  ValidateNested()(target, property);
  Type(() => RulesContentDto)(target, property);
};

export class ListRulesVersionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RULES_VERSION_STATUSES })
  @IsOptional()
  @IsIn(RULES_VERSION_STATUSES)
  status?: RulesVersionStatus;
}

export class CreateRulesVersionDto {
  @ApiProperty({ example: 'Quy chế khen thưởng Cụm thi đua năm 2012', maxLength: 300 })
  @Title()
  title: string;

  @ApiPropertyOptional({
    type: RulesContentDto,
    description: 'The whole content; the documented defaults (GET …/rules-defaults) when absent.',
  })
  @IsOptional()
  @Content()
  content?: RulesContentDto;
}

/** Absent fields stay as they are; `content`, when sent, replaces the whole content. */
export class UpdateRulesVersionDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @PresentIfSent()
  @Title()
  title?: string;

  @ApiPropertyOptional({ type: RulesContentDto })
  @PresentIfSent()
  @Content()
  content?: RulesContentDto;

  @ExpectedVersionField('rules version')
  expectedVersion?: number;
}

export class AmendRulesVersionDto {
  @ApiProperty({ example: 'Sửa đổi, bổ sung Quy chế khen thưởng Cụm năm 2012', maxLength: 300 })
  @Title()
  title: string;
}

export class RulesVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ example: 'Quy chế khen thưởng Cụm thi đua năm 2012' }) title: string;
  @ApiProperty({ enum: RULES_VERSION_STATUSES }) status: RulesVersionStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The adopted version this amends.' })
  replacesId: string | null;
  @ApiProperty({ description: 'SHA-256 (hex) of the RFC 8785 encoding of the content; fixed at adoption.' })
  contentDigest: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) adoptedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ example: 1, description: 'Send it back as `expectedVersion` when revising.' }) version: number;
}

export class RulesVersionResponseDto extends RulesVersionSummaryDto {
  @ApiProperty({ type: RulesContentDto, description: "Parents' maxPoints are the sums of their children." })
  content: RulesContentDto;
  @ApiProperty({ example: 100, description: 'The total maximum of the criteria (bonus and penalty aside).' })
  maxPoints: number;
  @ApiProperty({ type: ApprovalSummaryDto, nullable: true }) approval: ApprovalSummaryDto | null;
}

export class RulesDefaultsResponseDto {
  @ApiProperty({ type: RulesContentDto }) content: RulesContentDto;
  @ApiProperty({ example: 100 }) maxPoints: number;
}

export function toRulesVersionSummary(version: RulesVersion): RulesVersionSummaryDto {
  return {
    id: version.id,
    clusterId: version.clusterId,
    number: version.number,
    title: version.title,
    status: version.status,
    replacesId: version.replacesId,
    contentDigest: version.contentDigest,
    createdBy: version.createdBy,
    adoptedAt: version.adoptedAt?.toISOString() ?? null,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
    version: version.version,
  };
}

export function toRulesContentResponse(content: RulesContent): RulesDefaultsResponseDto {
  return {
    content: { ...content, scoring: { ...content.scoring, criteria: withComputedMaxima(content.scoring.criteria) } },
    maxPoints: totalMaxPoints(content),
  };
}

export function toRulesVersionResponse(
  version: RulesVersion,
  approval: ApprovalSummaryDto | null,
): RulesVersionResponseDto {
  return {
    ...toRulesVersionSummary(version),
    ...toRulesContentResponse(version.content),
    approval,
  };
}
