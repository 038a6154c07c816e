import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import type { LedgerEntry } from '../ledger-entry.entity';

export class LedgerHeadDto {
  @ApiProperty({ example: 42, description: 'Number of entries in the chain.' }) length: number;
  @ApiProperty({ example: 'a3f1…', description: 'SHA-256 (hex) of the newest entry; 64 zeros when empty.' })
  headHash: string;
}

export class LedgerVerificationDto extends LedgerHeadDto {
  @ApiProperty({ description: 'True when every digest, hash and link recomputes.' }) valid: boolean;
  @ApiPropertyOptional({ description: 'The first entry that does not recompute.' }) firstBrokenSeq?: string;
  @ApiPropertyOptional({ example: 'hash does not match the entry' }) reason?: string;
}

export const LEDGER_SORT: SortSpec = { fields: { seq: 'seq' }, default: '-seq' };

export class ListLedgerEntriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'cluster', description: 'Only entries about this kind of record.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectType?: string;

  @ApiPropertyOptional({ description: 'Only entries about this record (with subjectType).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectId?: string;

  @ApiPropertyOptional({ example: 'registry.cluster_created' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
}

export class LedgerEntryDto {
  @ApiProperty({ example: '42', description: 'Position in the chain (a decimal string: it is a bigint).' }) seq: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for system actions such as demo data.',
  })
  actorId: string | null;
  @ApiProperty({ example: 'registry.cluster_created' }) action: string;
  @ApiProperty({ example: 'cluster' }) subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "Null when withheld from this reader (another unit's draft, see docs/read-model.md).",
  })
  payload: Record<string, unknown> | null;
  @ApiProperty({
    description:
      'True when the payload is not shown to this reader; payloadDigest and the hashes still verify the chain.',
  })
  payloadWithheld: boolean;
  @ApiProperty({ description: 'SHA-256 (hex) of the RFC 8785 encoding of payload.' }) payloadDigest: string;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export function toLedgerEntryResponse(entry: LedgerEntry, showPayload = true): LedgerEntryDto {
  return {
    seq: String(entry.seq),
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    payload: showPayload ? entry.payload : null,
    payloadWithheld: !showPayload,
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
