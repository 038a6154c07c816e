import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DIGEST_PATTERN } from './pledge-fields';

/** A detached signature over the canonical bytes a `GET …/document` returned. */
export class SignDocumentDto {
  @ApiProperty({
    example: '3f0c…',
    pattern: DIGEST_PATTERN.source,
    description:
      'The SHA-256 (hex) of the canonical bytes you fetched and signed; refused if the document changed since.',
  })
  @Matches(DIGEST_PATTERN, { message: 'digest must be the 64 hex digits of a SHA-256' })
  digest: string;

  @ApiProperty({ format: 'uuid', description: 'One of your registered signing keys (GET /me/signing-keys).' })
  @IsUUID()
  signingKeyId: string;

  @ApiProperty({
    maxLength: 200,
    description:
      'Base64 of the signature over the canonical bytes (UTF-8): Ed25519 (64 bytes) or ECDSA P-256 with SHA-256 ' +
      '(DER as openssl writes it, or r‖s).',
  })
  @IsString()
  @MaxLength(200)
  signature: string;
}

/** The bytes to sign: exactly `canonical` as UTF-8; `digest` is their SHA-256. */
export class CanonicalDocumentResponseDto {
  @ApiProperty({ description: 'RFC 8785 canonical JSON: sign exactly these bytes (UTF-8, no trailing newline).' })
  canonical: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical bytes; send it back with the signature.' })
  digest: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The same document, parsed, for reading.' })
  content: Record<string, unknown>;
}

/** Who signed a document, with which key, in what capacity, when. */
export class SignatureSummaryDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the signed canonical bytes.' }) digest: string;
  @ApiProperty({ format: 'uuid' }) signerId: string;
  @ApiProperty({ example: 'Chủ tịch Liên minh HTX Lạng Sơn' }) signerName: string;
  @ApiProperty({ example: 'unit_head', description: '`unit_head`, `cluster_leader_head` or `secretariat`.' })
  capacity: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' }) unitName: string | null;
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
