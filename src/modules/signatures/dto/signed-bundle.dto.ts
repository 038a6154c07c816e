import { ApiProperty } from '@nestjs/swagger';
import {
  SIGNED_BUNDLE_FORMAT,
  type BundleDelegation,
  type BundleDocument,
  type BundleKey,
  type BundleLedgerEntry,
  type BundleMandate,
  type BundleSignature,
  type SignedBundle,
} from '../signed-bundle';

/** The schema of `thidua.signed-bundle/1`, as the three bundle routes serve it (docs/signatures.md). */
export class BundleDocumentDto implements BundleDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['unit_pledge', 'pledge_seal', 'counting_record', 'handover_record'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ description: 'RFC 8785 canonical JSON: exactly the bytes signed.' }) canonical: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical bytes.' }) digest: string;
}

export class BundleSignatureDto implements BundleSignature {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ format: 'uuid' }) signerId: string;
  @ApiProperty() signerName: string;
  @ApiProperty() capacity: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mandateId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegationId: string | null;
  @ApiProperty() keyFingerprint: string;
  @ApiProperty({ enum: ['ed25519', 'ecdsa-p256'] }) algorithm: string;
  @ApiProperty({ format: 'byte', description: 'Base64 of the signature over the canonical bytes.' }) signature: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ description: 'The ledger entry that recorded the signature.' }) ledgerSeq: string;
}

export class BundleKeyDto implements BundleKey {
  @ApiProperty() fingerprint: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ['ed25519', 'ecdsa-p256'] }) algorithm: string;
  @ApiProperty({ description: 'SPKI PEM.' }) publicKeyPem: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
}

export class BundleMandateDto implements BundleMandate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clusterId: string | null;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validTo: string | null;
}

export class BundleDelegationDto implements BundleDelegation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid' }) delegatorId: string;
  @ApiProperty({ format: 'uuid' }) delegateId: string;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ format: 'date-time' }) validTo: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class BundleLedgerEntryDto implements BundleLedgerEntry {
  @ApiProperty() seq: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Null for entries of the segment that recorded none of the bundle’s signatures (withheld).',
  })
  payload: Record<string, unknown> | null;
  @ApiProperty() payloadDigest: string;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class BundleSubjectDto {
  @ApiProperty({ enum: ['pledge', 'poll', 'flag_handover'] }) type: string;
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class SignedBundleDto implements SignedBundle {
  @ApiProperty({ enum: [SIGNED_BUNDLE_FORMAT] }) format: typeof SIGNED_BUNDLE_FORMAT;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: BundleSubjectDto }) subject: BundleSubjectDto;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The document that covers the others (the seal), when there is one.',
  })
  rootDocumentId: string | null;
  @ApiProperty({ type: [BundleDocumentDto] }) documents: BundleDocumentDto[];
  @ApiProperty({ type: [BundleSignatureDto] }) signatures: BundleSignatureDto[];
  @ApiProperty({ type: [BundleKeyDto] }) keys: BundleKeyDto[];
  @ApiProperty({ type: [BundleMandateDto] }) mandates: BundleMandateDto[];
  @ApiProperty({ type: [BundleDelegationDto] }) delegations: BundleDelegationDto[];
  @ApiProperty({
    type: [BundleLedgerEntryDto],
    description:
      'The contiguous ledger segment from the first entry that recorded a signature of the bundle to the last.',
  })
  ledgerEntries: BundleLedgerEntryDto[];
}
