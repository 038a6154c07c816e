import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
