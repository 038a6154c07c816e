import { ApiProperty } from '@nestjs/swagger';
import {
  DocumentClusterDto,
  DocumentCycleDto,
  DocumentUnitDto,
  documentFormatVersion,
  SignableDocumentDto,
  signableContent,
  signableKind,
  type SignableDocumentOf,
} from '../../signatures';
import {
  PLEDGE_SEAL_DOCUMENT_TYPE,
  UNIT_PLEDGE_DOCUMENT_TYPE,
  type DocumentTarget,
  type PledgeSealDocument,
  type SealReference,
  type UnitPledgeDocument,
} from '../pledge-documents';

export class PledgeDocumentRulesVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) number: number;
}

export class PledgeDocumentVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', description: "The pledge's number (its `number` in the API)." }) version: number;
}

export class PledgeDocumentTargetDto implements DocumentTarget {
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() indicator: string;
  @ApiProperty() unitOfMeasure: string;
  @ApiProperty({ example: '1250.5', description: 'A decimal, exact, as text.' }) targetValue: string;
  @ApiProperty({ type: String, nullable: true, example: '1100', description: 'A decimal, exact, as text.' })
  baseline: string | null;
}

/** `thidua.unit-pledge/1`: a unit's pledge as its head signs it (docs/pledges.md). */
export class UnitPledgeDocumentDto implements UnitPledgeDocument {
  @ApiProperty({ enum: [UNIT_PLEDGE_DOCUMENT_TYPE] }) type: typeof UNIT_PLEDGE_DOCUMENT_TYPE;
  @documentFormatVersion() formatVersion: 1;
  @ApiProperty({ type: DocumentClusterDto }) cluster: DocumentClusterDto;
  @ApiProperty({ type: DocumentCycleDto }) cycle: DocumentCycleDto;
  @ApiProperty({ type: PledgeDocumentRulesVersionDto }) rulesVersion: PledgeDocumentRulesVersionDto;
  @ApiProperty({ type: PledgeDocumentVersionDto }) pledge: PledgeDocumentVersionDto;
  @ApiProperty({ description: "The cluster's shared pledge text of this version." }) sharedText: string;
  @ApiProperty({ type: DocumentUnitDto }) unit: DocumentUnitDto;
  @ApiProperty({ type: [PledgeDocumentTargetDto], description: 'By position.' }) targets: PledgeDocumentTargetDto[];
}

export class PledgeSealReferenceDto implements SealReference {
  @ApiProperty({ enum: ['unit_pledge'] }) kind: 'unit_pledge';
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ description: "SHA-256 (hex) of the unit's signed pledge document." }) digest: string;
}

/** `thidua.pledge-seal/1`: the cluster leader's seal over every member unit's signed pledge (docs/pledges.md). */
export class PledgeSealDocumentDto implements PledgeSealDocument {
  @ApiProperty({ enum: [PLEDGE_SEAL_DOCUMENT_TYPE] }) type: typeof PLEDGE_SEAL_DOCUMENT_TYPE;
  @documentFormatVersion() formatVersion: 1;
  @ApiProperty({ type: DocumentClusterDto }) cluster: DocumentClusterDto;
  @ApiProperty({ type: DocumentCycleDto }) cycle: DocumentCycleDto;
  @ApiProperty({ type: PledgeDocumentRulesVersionDto }) rulesVersion: PledgeDocumentRulesVersionDto;
  @ApiProperty({ type: PledgeDocumentVersionDto }) pledge: PledgeDocumentVersionDto;
  @ApiProperty({ description: 'SHA-256 (hex) of the shared text (UTF-8).' }) sharedTextDigest: string;
  @ApiProperty({ type: [PledgeSealReferenceDto], description: 'By unit code (code point order).' })
  references: PledgeSealReferenceDto[];
}

/** `GET /unit-pledges/{id}/document`. */
export class UnitPledgeSignableDocumentDto
  extends SignableDocumentDto
  implements SignableDocumentOf<'unit_pledge', UnitPledgeDocumentDto>
{
  @signableKind('unit_pledge') kind: 'unit_pledge';
  @signableContent(UnitPledgeDocumentDto) content: UnitPledgeDocumentDto;
}

/** `GET /pledges/{id}/seal-document`. */
export class PledgeSealSignableDocumentDto
  extends SignableDocumentDto
  implements SignableDocumentOf<'pledge_seal', PledgeSealDocumentDto>
{
  @signableKind('pledge_seal') kind: 'pledge_seal';
  @signableContent(PledgeSealDocumentDto) content: PledgeSealDocumentDto;
}
