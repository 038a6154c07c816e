import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { BooleanQueryParam, PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import { SIGNING_ALGORITHMS, type SigningAlgorithm, type SigningKey } from '../signing-key.entity';
import type { SigningKeyChallenge } from '../signing-key-challenge.entity';

export const SIGNING_KEY_SORT: SortSpec = {
  fields: { registeredAt: 'registeredAt', revokedAt: 'revokedAt' },
  default: '-registeredAt',
};

const PUBLIC_KEY_MAX_LENGTH = 10_000;

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** An SPKI PEM string or a JWK object; which key it is, and whether it is public, the service decides. */
function PublicKeyInput(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'publicKeyInput',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.length > 0 && value.length <= PUBLIC_KEY_MAX_LENGTH) ||
          (typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            typeof (value as { kty?: unknown }).kty === 'string' &&
            JSON.stringify(value).length <= PUBLIC_KEY_MAX_LENGTH),
        defaultMessage: () =>
          'publicKey must be an SPKI PEM string ("-----BEGIN PUBLIC KEY-----…") or a public JWK object (with kty)',
      },
    },
    options,
  );
}

export class RegisterSigningKeyDto {
  @ApiProperty({
    oneOf: [
      { type: 'string', description: 'SPKI PEM, as `openssl pkey -in key.pem -pubout` writes it' },
      {
        type: 'object',
        description: 'A public JWK: OKP/Ed25519 (x) or EC/P-256 (x, y); never with d',
        required: ['kty'],
        properties: {
          kty: { type: 'string', enum: ['OKP', 'EC'] },
          crv: { type: 'string', enum: ['Ed25519', 'P-256'] },
          x: { type: 'string', description: 'base64url' },
          y: { type: 'string', description: 'base64url; EC only' },
        },
      },
    ],
    example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n',
  })
  @PublicKeyInput()
  publicKey: string | Record<string, unknown>;

  @ApiProperty({ format: 'uuid', description: 'From POST /me/signing-keys/challenges; used once, within 10 minutes.' })
  @IsUUID()
  challengeId: string;

  @ApiProperty({
    description:
      "Base64 of the new key's signature over the challenge text's UTF-8 bytes (Ed25519; ECDSA P-256 with " +
      'SHA-256, DER or r‖s): the proof that you hold the private key.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  challengeSignature: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Khóa ký trên máy văn phòng' })
  @IsOptional()
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label?: string;
}

export class RevokeSigningKeyDto {
  @ApiProperty({ maxLength: 500, example: 'Máy tính bị mất', description: 'Kept with the key and in the ledger.' })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class ListSigningKeysQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only revoked keys; false: only keys in force.' })
  @IsOptional()
  @BooleanQueryParam()
  @IsBoolean()
  revoked?: boolean;
}

export class SigningChallengeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description: 'The exact text to sign (UTF-8, no trailing newline).',
    example: 'thidua key registration\nuser: 6f1c…\nnonce: q3Jk…\nexpires: 2011-11-21T08:10:00.000Z',
  })
  challenge: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SigningKeyResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: SIGNING_ALGORITHMS }) algorithm: SigningAlgorithm;
  @ApiProperty({ description: "SHA-256 (hex) of the key's SPKI DER encoding.", example: '3b0f…' })
  fingerprint: string;
  @ApiProperty({ description: 'The public key as SPKI PEM.' }) publicKeyPem: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Signatures made before this instant stay valid; the key signs nothing after it.',
  })
  revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
}

export function toSigningKeyResponse(key: SigningKey): SigningKeyResponseDto {
  return {
    id: key.id,
    userId: key.userId,
    algorithm: key.algorithm,
    fingerprint: key.fingerprint,
    publicKeyPem: key.publicKeyPem,
    label: key.label,
    registeredAt: key.registeredAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revocationReason: key.revocationReason,
  };
}

export function toSigningChallengeResponse(challenge: SigningKeyChallenge): SigningChallengeResponseDto {
  return { id: challenge.id, challenge: challenge.challenge, expiresAt: challenge.expiresAt.toISOString() };
}
