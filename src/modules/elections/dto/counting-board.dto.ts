import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export class AppointCountingBoardDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 2,
    maxItems: 15,
    description: "The members' user ids: at least two, none of them a delegate of a candidate unit.",
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(15)
  @IsUUID('all', { each: true })
  memberIds: string[];

  @ExpectedVersionField('poll')
  expectedVersion?: number;
}

export class CountingBoardMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The unit the member holds a mandate of.' })
  unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode: string | null;
  @ApiProperty({ format: 'uuid' }) appointedBy: string;
  @ApiProperty({ format: 'date-time' }) appointedAt: string;
}

export class CountingBoardResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ type: [CountingBoardMemberDto] }) members: CountingBoardMemberDto[];
  @ApiProperty({ description: 'True once a paper figure is entered or the poll is tallied: the board stays.' })
  locked: boolean;
}

export class HandPaperBallotDto {
  @ApiProperty({ format: 'uuid', description: 'The unit on the roll whose delegate receives the paper ballot.' })
  @IsUUID()
  unitId: string;
}

export class PaperBallotResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ enum: ['paper'] }) channel: 'paper';
  @ApiProperty({ type: 'integer', description: "Paper ballots handed to the delegate (the unit's weight)." })
  ballots: number;
  @ApiProperty({ type: 'integer', description: 'Paper ballots handed out in this poll so far.' })
  paperBallotsIssued: number;
}

export class PaperBallotHolderDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: 'integer', description: "Paper ballots handed to its delegate (the unit's weight)." })
  ballots: number;
}
