import { ApiProperty } from '@nestjs/swagger';
import type { UnitRef } from '../../registry';
import { PLEDGE_STATUSES, type Pledge, type PledgeStatus } from '../pledge.entity';
import { UNIT_PLEDGE_STATUSES, type UnitPledge, type UnitPledgeStatus } from '../unit-pledge.entity';
import { PledgeText } from './pledge-fields';
import { DocumentSignatureDto } from '../../signatures';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

const SHARED_TEXT_EXAMPLE =
  'Các Liên minh HTX tỉnh trong Cụm thi đua cam kết thực hiện tốt chức năng đại diện, hỗ trợ, phát triển kinh tế tập thể …';

export class CreatePledgeDto {
  @PledgeText(20000, SHARED_TEXT_EXAMPLE, "The cluster's shared commitments (Vietnamese), the same for every unit.")
  sharedText: string;
}

export class UpdatePledgeDto extends CreatePledgeDto {
  @ExpectedVersionField('pledge')
  expectedVersion?: number;
}

export class AmendPledgeDto extends CreatePledgeDto {
  @PledgeText(
    2000,
    'Bổ sung chỉ tiêu phát triển tổ hợp tác theo chỉ đạo của Liên minh HTX Việt Nam.',
    'Why it is amended.',
  )
  reason: string;
}

class PledgeUnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'lang-son' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' }) name: string;
}

export class PledgeUnitStatusDto {
  @ApiProperty({ format: 'uuid' }) unitPledgeId: string;
  @ApiProperty({ type: PledgeUnitRefDto }) unit: PledgeUnitRefDto;
  @ApiProperty({ enum: UNIT_PLEDGE_STATUSES }) status: UnitPledgeStatus;
  @ApiProperty({ type: DocumentSignatureDto, nullable: true, description: "The head's signature, once signed." })
  signature: DocumentSignatureDto | null;
}

export class PledgeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty({ type: 'integer', example: 1, description: 'The pledge version: 1, then +1 for each amendment.' })
  number: number;
  @ApiProperty({ description: 'True for the newest version: the only one that changes, is signed or sealed.' })
  current: boolean;
  @ApiProperty() sharedText: string;
  @ApiProperty({ format: 'uuid' }) rulesVersionId: string;
  @ApiProperty({ enum: PLEDGE_STATUSES }) status: PledgeStatus;
  @ApiProperty({ type: String, nullable: true }) amendmentReason: string | null;
  @ApiProperty({ type: [PledgeUnitStatusDto], description: 'Each unit of this version, by unit code.' })
  units: PledgeUnitStatusDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sealDocumentId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sealedAt: string | null;
  @ApiProperty({ type: DocumentSignatureDto, nullable: true, description: 'The countersignature that sealed it.' })
  seal: DocumentSignatureDto | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Optimistic version (also the ETag): send it back as expectedVersion or If-Match when you change it.',
  })
  version: number;
}

export interface PledgeView {
  pledge: Pledge;
  current: boolean;
  units: { unitPledge: UnitPledge; unit: UnitRef }[];
  signatures: Map<string, DocumentSignatureDto[]>;
}

export function toPledgeResponse({ pledge, current, units, signatures }: PledgeView): PledgeResponseDto {
  const signatureOf = (documentId: string | null) => (documentId ? (signatures.get(documentId)?.[0] ?? null) : null);
  return {
    id: pledge.id,
    cycleId: pledge.cycleId,
    clusterId: pledge.clusterId,
    number: pledge.number,
    current,
    sharedText: pledge.sharedText,
    rulesVersionId: pledge.rulesVersionId,
    status: pledge.status,
    amendmentReason: pledge.amendmentReason,
    units: units.map(({ unitPledge, unit }) => ({
      unitPledgeId: unitPledge.id,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      status: unitPledge.status,
      signature: signatureOf(unitPledge.signedDocumentId),
    })),
    sealDocumentId: pledge.sealDocumentId,
    sealedAt: pledge.sealedAt?.toISOString() ?? null,
    seal: signatureOf(pledge.sealDocumentId),
    createdBy: pledge.createdBy,
    createdAt: pledge.createdAt.toISOString(),
    updatedAt: pledge.updatedAt.toISOString(),
    version: pledge.version,
  };
}
