import { ApiProperty } from '@nestjs/swagger';
import type { ScoreEntryFacts, ScoreSheetFacts } from '../../scoring';
import type { EvidenceFile } from '../evidence-file.entity';

export class EvidenceFileResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '1.2', description: 'The criterion or bonus/penalty item the file is evidence for.' })
  itemCode: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ example: 'Báo cáo tổng kết năm 2011.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Detected from the bytes, not taken from the client.' })
  contentType: string;
  @ApiProperty({ type: 'integer', example: 482113 }) sizeBytes: number;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 (hex) of the bytes, computed by the server; also in the ledger entry of the upload.',
  })
  sha256: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EvidenceKindDto {
  @ApiProperty({ example: 'image/jpeg' }) contentType: string;
  @ApiProperty({ type: [String], example: ['jpg', 'jpeg', 'jpe', 'jfif'], description: 'Lower case, usual first.' })
  extensions: string[];
}

/** What an upload must be, so that a client refuses a file before sending it, with the server's own limits. */
export class EvidenceLimitsResponseDto {
  @ApiProperty({ type: 'integer', example: 10485760, description: 'EVIDENCE_MAX_BYTES: the largest file accepted.' })
  maxBytes: number;
  @ApiProperty({
    type: [EvidenceKindDto],
    description:
      'The accepted kinds; the type is recognised from the bytes and the name must carry one of its extensions.',
  })
  types: EvidenceKindDto[];
}

/** The response of an evidence file, with the entry and sheet it belongs to. */
export function toEvidenceFileResponse(
  file: EvidenceFile,
  entry: ScoreEntryFacts,
  sheet: ScoreSheetFacts,
): EvidenceFileResponseDto {
  return {
    id: file.id,
    periodId: sheet.periodId,
    unitId: sheet.unitId,
    itemCode: entry.itemCode,
    entryId: file.entryId,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    uploadedBy: file.uploadedBy,
    createdAt: file.createdAt.toISOString(),
  };
}
