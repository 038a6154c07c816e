import { ApiProperty } from '@nestjs/swagger';
import type { SignedDocumentKind } from '../signed-document.entity';

/** Who signed a document, with which key, in what capacity, when. */
export class DocumentSignatureDto {
  @ApiProperty({ format: 'uuid' }) signatureId: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the signed canonical bytes.' }) digest: string;
  @ApiProperty({ format: 'uuid' }) signerId: string;
  @ApiProperty({ example: 'Chủ tịch Liên minh HTX Lạng Sơn' }) signerName: string;
  @ApiProperty({
    example: 'unit_head',
    description:
      '`unit_head`, `cluster_leader_head`, `secretariat`, `counting_board`, `outgoing_custodian_head` or ' +
      '`incoming_leader_head`.',
  })
  capacity: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' }) unitName: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The mandate the capacity rests on (under a delegation: the delegating head's).",
  })
  mandateId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) delegationId: string | null;
  @ApiProperty({ description: "SHA-256 (hex) of the key's SPKI DER encoding." }) keyFingerprint: string;
  @ApiProperty({ enum: ['ed25519', 'ecdsa-p256'] }) algorithm: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the key was revoked; signatures made before stay valid.',
  })
  keyRevokedAt: string | null;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ description: 'The ledger entry that recorded the signature.' }) ledgerSeq: string;
}

/**
 * Every signable document is served in this one shape (`GET /unit-pledges/{id}/document`,
 * `GET /pledges/{id}/seal-document`, `GET /polls/{id}/counting-record`,
 * `GET /flag-handovers/{id}/document`): sign exactly `canonical` (UTF-8), send back `digest`.
 * Each route answers a subclass that adds `kind` and `content` typed for its kind, so a generated
 * client gets the document's real type without narrowing a union (decision 034).
 */
export abstract class SignableDocumentDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The record it is about: the unit pledge, the pledge, the poll or the handover.',
  })
  subjectId: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The stored signed document once someone has signed these bytes; null before.',
  })
  documentId: string | null;
  @ApiProperty({ description: 'RFC 8785 canonical JSON: sign exactly these bytes (UTF-8, no trailing newline).' })
  canonical: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical bytes; send it back with the signature.' })
  digest: string;
  @ApiProperty({ type: [DocumentSignatureDto], description: 'The signatures over these bytes, oldest first.' })
  signatures: DocumentSignatureDto[];
}

/** The fields every kind adds: what the document is and its parsed content. */
export interface SignableDocumentOf<K extends SignedDocumentKind, C> extends SignableDocumentDto {
  kind: K;
  content: C;
}

/** `kind` of a per-kind subclass: one value. */
export const signableKind = (kind: SignedDocumentKind) =>
  ApiProperty({ enum: [kind], description: 'What the document is.' });

/** `content` of a per-kind subclass: the parsed canonical document, typed. */
export const signableContent = (type: new () => object) =>
  ApiProperty({
    type,
    description: 'The same document as `canonical`, parsed, for reading (its `type` names the format).',
  });
