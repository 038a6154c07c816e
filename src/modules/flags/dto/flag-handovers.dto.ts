import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../../cycles';
import type { UnitRef } from '../../registry';
import type { FlagHandover } from '../flag-handover.entity';
import { HANDOVER_STATUSES, type HandoverStatus } from '../flag-handover.entity';
import { toUnitRef, trimmed, UnitRefDto } from './flags.dto';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';
import { SignableDocumentDto, signableContent, signableKind, type SignableDocumentOf } from '../../signatures';
import { HandoverRecordDocumentDto } from './handover-record-document.dto';

export class OpenHandoverDto {
  @ApiProperty({
    format: 'uuid',
    description: "The cycle whose close the handover is a condition of (the flag's cluster).",
  })
  @IsUUID()
  cycleId: string;

  @ApiProperty({ example: '2011-11-21', description: 'The day of the ceremony (YYYY-MM-DD).' })
  @IsCalendarDay()
  handoverDate: string;

  @ApiProperty({ example: 'Thành phố Lạng Sơn', maxLength: 300 })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place: string;

  @ApiProperty({ type: [String], maxItems: 50, example: ['Phó Chủ tịch UBND tỉnh Lạng Sơn'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  witnesses: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The unit you expect to receive the flag. Optional: the recipient is always the next term’s elected leader, ' +
      'and a different unit here is refused (409 handover_recipient_not_elected).',
  })
  @IsOptional()
  @IsUUID()
  toUnitId?: string;
}

export class CancelHandoverDto {
  @ApiProperty({ example: 'Đơn vị nhận cờ đề nghị lùi ngày bàn giao.', maxLength: 2000 })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ExpectedVersionField('handover')
  expectedVersion?: number;
}

export class FlagHandoverResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) flagId: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: UnitRefDto, description: 'The outgoing custodian.' }) from: UnitRefDto;
  @ApiProperty({ type: UnitRefDto, description: "The next term's elected leader unit." }) to: UnitRefDto;
  @ApiProperty({ format: 'uuid' }) leadershipId: string;
  @ApiProperty({ format: 'uuid' }) electionPollId: string;
  @ApiProperty({ type: 'integer', example: 2012 }) termYear: number;
  @ApiProperty({ example: '2011-11-21' }) handoverDate: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: [String] }) witnesses: string[];
  @ApiProperty({ enum: HANDOVER_STATUSES }) status: HandoverStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The signed record, from the release on.' })
  signedDocumentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) releaseSignatureId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) receiptSignatureId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cancelledBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ format: 'uuid' }) openedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'integer', description: 'Send it back as expectedVersion when you cancel.' }) version: number;
}

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function toFlagHandoverResponse(
  handover: FlagHandover,
  units: { from: UnitRef; to: UnitRef },
): FlagHandoverResponseDto {
  return {
    id: handover.id,
    flagId: handover.flagId,
    cycleId: handover.cycleId,
    from: toUnitRef(units.from),
    to: toUnitRef(units.to),
    leadershipId: handover.leadershipId,
    electionPollId: handover.electionPollId,
    termYear: handover.termYear,
    handoverDate: handover.handoverDate,
    place: handover.place,
    witnesses: handover.witnesses,
    status: handover.status,
    signedDocumentId: handover.signedDocumentId,
    releaseSignatureId: handover.releaseSignatureId,
    releasedAt: isoOrNull(handover.releasedAt),
    receiptSignatureId: handover.receiptSignatureId,
    completedAt: isoOrNull(handover.completedAt),
    cancelReason: handover.cancelReason,
    cancelledBy: handover.cancelledBy,
    cancelledAt: isoOrNull(handover.cancelledAt),
    openedBy: handover.openedBy,
    createdAt: handover.createdAt.toISOString(),
    version: handover.version,
  };
}

/** The handover record to sign, in the shape of every signable document, with its handover. */
export class HandoverDocumentResponseDto
  extends SignableDocumentDto
  implements SignableDocumentOf<'handover_record', HandoverRecordDocumentDto>
{
  @signableKind('handover_record') kind: 'handover_record';
  @signableContent(HandoverRecordDocumentDto) content: HandoverRecordDocumentDto;
  @ApiProperty({ format: 'uuid' }) handoverId: string;
}
