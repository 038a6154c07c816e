import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { ApprovalSummaryDto } from '../../approvals';
import type { UnitRef } from '../../registry';
import type { Pledge } from '../pledge.entity';
import type { PledgeTarget } from '../pledge-target.entity';
import { UNIT_PLEDGE_STATUSES, type UnitPledge, type UnitPledgeStatus } from '../unit-pledge.entity';
import { DECIMAL_PATTERN, DecimalString, PledgeText } from './pledge-fields';
import { DocumentSignatureDto } from '../../signatures';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export const MAX_TARGETS = 50;

export class TargetInputDto {
  @PledgeText(500, 'Số HTX thành lập mới', 'What is measured.')
  indicator: string;

  @PledgeText(100, 'HTX', 'The unit the values are counted in.')
  unitOfMeasure: string;

  @ApiProperty({ example: '20', pattern: DECIMAL_PATTERN.source, description: 'A decimal string ≥ 0, ≤ 2 decimals.' })
  @DecimalString()
  targetValue: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '16',
    pattern: DECIMAL_PATTERN.source,
    description: "Where the unit starts from (e.g. last year's figure).",
  })
  @IsOptional()
  @DecimalString()
  baseline?: string | null;
}

export class SetTargetsDto {
  @ApiProperty({ type: [TargetInputDto], minItems: 1, maxItems: MAX_TARGETS, description: 'The whole list, in order.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => TargetInputDto)
  targets: TargetInputDto[];

  @ExpectedVersionField("unit's pledge")
  expectedVersion?: number;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', example: 1 }) position: number;
  @ApiProperty({ example: 'Số HTX thành lập mới' }) indicator: string;
  @ApiProperty({ example: 'HTX' }) unitOfMeasure: string;
  @ApiProperty({ example: '20.00' }) targetValue: string;
  @ApiProperty({ type: String, nullable: true, example: '16.00' }) baseline: string | null;
}

class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'son-la' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export class UnitPledgeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @ApiProperty({ type: 'integer', description: 'The pledge version (`number` of the pledge) this part belongs to.' })
  pledgeNumber: number;
  @ApiProperty({ description: 'Whether the pledge version is the current (newest) one.' }) current: boolean;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: UnitRefDto }) unit: UnitRefDto;
  @ApiProperty({ enum: UNIT_PLEDGE_STATUSES }) status: UnitPledgeStatus;
  @ApiProperty({ type: [TargetDto] }) targets: TargetDto[];
  @ApiProperty({
    type: ApprovalSummaryDto,
    nullable: true,
    description: 'The approval request of the targets: POST /approvals/{requestId}/acts (submit, approve, return).',
  })
  approval: ApprovalSummaryDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) signedDocumentId: string | null;
  @ApiProperty({ type: DocumentSignatureDto, nullable: true }) signature: DocumentSignatureDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Optimistic version (also the ETag): send it back as expectedVersion or If-Match with new targets.',
  })
  version: number;
}

export interface UnitPledgeView {
  unitPledge: UnitPledge;
  pledge: Pledge;
  current: boolean;
  unit: UnitRef;
  targets: PledgeTarget[];
  approval: ApprovalSummaryDto | null;
  signature: DocumentSignatureDto | null;
}

export function toTargetDto(target: PledgeTarget): TargetDto {
  return {
    id: target.id,
    position: target.position,
    indicator: target.indicator,
    unitOfMeasure: target.unitOfMeasure,
    targetValue: target.targetValue,
    baseline: target.baseline,
  };
}

export function toUnitPledgeResponse(view: UnitPledgeView): UnitPledgeResponseDto {
  const { unitPledge, pledge, unit } = view;
  return {
    id: unitPledge.id,
    pledgeId: pledge.id,
    pledgeNumber: pledge.number,
    current: view.current,
    cycleId: pledge.cycleId,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    status: unitPledge.status,
    targets: view.targets.map(toTargetDto),
    approval: view.approval,
    signedDocumentId: unitPledge.signedDocumentId,
    signature: view.signature,
    createdAt: unitPledge.createdAt.toISOString(),
    updatedAt: unitPledge.updatedAt.toISOString(),
    version: unitPledge.version,
  };
}
