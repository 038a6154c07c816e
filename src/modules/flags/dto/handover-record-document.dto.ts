import { ApiProperty } from '@nestjs/swagger';
import { DocumentClusterDto, DocumentCycleDto, DocumentUnitDto, documentFormatVersion } from '../../signatures';
import { HANDOVER_DOCUMENT_TYPE, type HandoverRecord } from '../flag-handover-document';

export class HandoverRecordFlagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
}

export class HandoverRecordPartyDto {
  @ApiProperty({ type: DocumentUnitDto }) unit: DocumentUnitDto;
}

export class HandoverRecordElectionDto {
  @ApiProperty({ format: 'uuid', description: 'The poll that elected the incoming leader.' }) pollId: string;
  @ApiProperty({ type: 'integer' }) termYear: number;
  @ApiProperty({ format: 'uuid' }) leadershipId: string;
}

/** `thidua.flag-handover/1`: the handover record (biên bản bàn giao cờ luân lưu) both heads sign (docs/flag.md). */
export class HandoverRecordDocumentDto implements HandoverRecord {
  @ApiProperty({ enum: [HANDOVER_DOCUMENT_TYPE] }) type: typeof HANDOVER_DOCUMENT_TYPE;
  @documentFormatVersion() formatVersion: 1;
  @ApiProperty({ format: 'uuid' }) handoverId: string;
  @ApiProperty({ type: DocumentClusterDto }) cluster: DocumentClusterDto;
  @ApiProperty({ type: HandoverRecordFlagDto }) flag: HandoverRecordFlagDto;
  @ApiProperty({ type: DocumentCycleDto }) cycle: DocumentCycleDto;
  @ApiProperty({ format: 'date', example: '2012-01-10' }) date: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: HandoverRecordPartyDto, description: 'The outgoing custodian.' }) from: HandoverRecordPartyDto;
  @ApiProperty({ type: HandoverRecordPartyDto, description: 'The incoming custodian.' }) to: HandoverRecordPartyDto;
  @ApiProperty({ type: [String] }) witnesses: string[];
  @ApiProperty({ type: HandoverRecordElectionDto }) election: HandoverRecordElectionDto;
}
