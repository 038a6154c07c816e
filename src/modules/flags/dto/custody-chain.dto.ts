import { ApiProperty } from '@nestjs/swagger';
import { CUSTODY_CAUSES, CUSTODY_STATES, type CustodyCause, type CustodyState } from '../flag-custody-period.entity';
import { FlagHandoverResponseDto } from './flag-handovers.dto';
import { FlagIncidentResponseDto } from './flag-incidents.dto';
import { FlagResponseDto, UnitRefDto } from './flags.dto';

export class CustodyElectionDto {
  @ApiProperty({ format: 'uuid' }) leadershipId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pollId: string | null;
  @ApiProperty({ type: 'integer', example: 2012 }) termYear: number;
}

export class CustodySignatureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) signerId: string;
  @ApiProperty() signerName: string;
  @ApiProperty({ example: 'outgoing_custodian_head' }) capacity: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ description: 'SHA-256 of the key (SPKI DER).' }) keyFingerprint: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ description: 'The ledger entry that recorded the signature.' }) ledgerSeq: string;
}

export class CustodySignedRecordDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical record.' }) digest: string;
  @ApiProperty({ type: [CustodySignatureDto] }) signatures: CustodySignatureDto[];
}

export class CustodyPeriodDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', description: '1, 2, 3… along the chain.' }) position: number;
  @ApiProperty({ enum: CUSTODY_STATES }) state: CustodyState;
  @ApiProperty({ type: UnitRefDto, nullable: true }) custodian: UnitRefDto | null;
  @ApiProperty({ enum: CUSTODY_CAUSES, description: 'How the period began.' }) cause: CustodyCause;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: the current period.' })
  endedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) handoverId: string | null;
  @ApiProperty({ type: CustodyElectionDto, nullable: true, description: 'The term the custodian holds it under.' })
  election: CustodyElectionDto | null;
  @ApiProperty({ type: CustodySignedRecordDto, nullable: true, description: 'The signed record that began it.' })
  signedRecord: CustodySignedRecordDto | null;
  @ApiProperty({ type: [FlagIncidentResponseDto], description: 'Incidents reported during the period.' })
  incidents: FlagIncidentResponseDto[];
}

export class CustodyChainResponseDto {
  @ApiProperty({ type: FlagResponseDto }) flag: FlagResponseDto;
  @ApiProperty({ type: [CustodyPeriodDto], description: 'Oldest first; the last one is open.' })
  periods: CustodyPeriodDto[];
  @ApiProperty({
    type: [FlagHandoverResponseDto],
    description: 'Every handover, cancelled ones included, oldest first.',
  })
  handovers: FlagHandoverResponseDto[];
}
