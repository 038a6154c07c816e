import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class SignCountingRecordDto {
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'digest must be 64 hex digits (SHA-256)' })
  digest: string;

  @ApiProperty({ format: 'uuid', description: 'One of your registered signing keys.' })
  @IsUUID()
  signingKeyId: string;

  @ApiProperty({ description: 'Base64 of your signature over the canonical bytes of the record.' })
  @IsString()
  @MaxLength(200)
  signature: string;
}

export class RecordSignatureDto {
  @ApiProperty({ format: 'uuid' }) signatureId: string;
  @ApiProperty({ format: 'uuid' }) signerId: string;
  @ApiProperty() signerName: string;
  @ApiProperty({ enum: ['counting_board', 'secretariat'] }) capacity: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mandateId: string | null;
  @ApiProperty() keyFingerprint: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
}

export class PendingSignerDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
}

export class CountingRecordResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ description: 'RFC 8785 canonical JSON: exactly the bytes to sign.' }) canonical: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical bytes.' }) digest: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The record, parsed.' })
  content: Record<string, unknown>;
  @ApiProperty({ type: [RecordSignatureDto] }) signatures: RecordSignatureDto[];
  @ApiProperty({ type: [PendingSignerDto], description: 'Counting-board members who have not signed yet.' })
  pendingBoardMembers: PendingSignerDto[];
  @ApiProperty({ description: 'At least one member of the secretariat has signed.' }) secretariatSigned: boolean;
  @ApiProperty({ description: 'Every board member and the secretariat have signed: the poll can be certified.' })
  readyToCertify: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Once signed: the stored document.' })
  documentId: string | null;
}
