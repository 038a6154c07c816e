import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export const DIGEST_PATTERN = /^[0-9a-fA-F]{64}$/;

/**
 * The one sign request of the service: a detached signature over the canonical bytes a `GET
 * …/document` (or `…/seal-document`, `…/counting-record`) served. Every sign route takes it, with
 * the same validation: the unit pledge, the seal, the counting record, the handover's release and
 * receipt.
 */
export class SignDocumentDto {
  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    pattern: DIGEST_PATTERN.source,
    description:
      'The SHA-256 (hex) of the canonical bytes you fetched and signed; refused if the document changed since ' +
      '(409 document_digest_mismatch).',
  })
  @Matches(DIGEST_PATTERN, { message: 'digest must be the 64 hex digits of a SHA-256' })
  digest: string;

  @ApiProperty({
    format: 'uuid',
    description: 'One of your registered, unrevoked signing keys (GET /me/signing-keys).',
  })
  @IsUUID()
  signingKeyId: string;

  @ApiProperty({
    format: 'byte',
    maxLength: 200,
    description:
      'Base64 of the signature over the canonical bytes (UTF-8): Ed25519 (64 bytes) or ECDSA P-256 with SHA-256 ' +
      '(DER as openssl writes it, or r‖s).',
  })
  @IsString()
  @IsBase64()
  @MaxLength(200)
  signature: string;
}
