import { ApiProperty } from '@nestjs/swagger';
import { SignableDocumentDto, signableContent, signableKind, type SignableDocumentOf } from '../../signatures';
import { CountingRecordDocumentDto } from './counting-record-document.dto';

export class PendingSignerDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
}

/** The counting record (biên bản kiểm phiếu) in the shape of every signable document, with where its signing stands. */
export class CountingRecordResponseDto
  extends SignableDocumentDto
  implements SignableDocumentOf<'counting_record', CountingRecordDocumentDto>
{
  @signableKind('counting_record') kind: 'counting_record';
  @signableContent(CountingRecordDocumentDto) content: CountingRecordDocumentDto;
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ type: [PendingSignerDto], description: 'Counting-board members who have not signed yet.' })
  pendingBoardMembers: PendingSignerDto[];
  @ApiProperty({ description: 'At least one member of the secretariat has signed.' }) secretariatSigned: boolean;
  @ApiProperty({
    description: 'The board is confirmed and every member and the secretariat have signed: the poll can be certified.',
  })
  readyToCertify: boolean;
}
