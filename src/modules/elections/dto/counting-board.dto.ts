import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID } from 'class-validator';
import { HAND_VOTES, type HandVote } from '../counting-board-hand.entity';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export class AppointCountingBoardDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 2,
    maxItems: 15,
    description:
      "The members' user ids: at least two, each holding a delegate or head mandate of a different member unit " +
      "present at the meeting, none of a candidate's unit.",
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
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The unit the member sits for (null only on boards appointed before confirmation existed).',
  })
  unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode: string | null;
  @ApiProperty({ format: 'uuid', description: 'Who proposed the member (the chair or the secretariat).' })
  appointedBy: string;
  @ApiProperty({ format: 'date-time' }) appointedAt: string;
}

export class RaiseHandDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The `proposalId` of the board you are voting on, as GET …/counting-board served it.',
  })
  @IsUUID()
  proposalId: string;

  @ApiProperty({ enum: HAND_VOTES, description: 'Your unit’s hand on the proposed board.' })
  @IsIn(HAND_VOTES)
  vote: HandVote;
}

export class CountingBoardHandDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'uuid', description: 'The person who sat for the unit and raised its hand.' })
  delegateId: string;
  @ApiProperty({ enum: HAND_VOTES }) vote: HandVote;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
}

export class CountingBoardConfirmationDto {
  @ApiProperty({
    type: 'integer',
    description: 'Units present at the meeting now (or, once confirmed, when the board was confirmed).',
  })
  presentUnits: number;
  @ApiProperty({ type: 'integer', description: 'Hands for the board needed to confirm it with the units present now.' })
  handsNeeded: number;
  @ApiProperty({ type: 'integer' }) handsFor: number;
  @ApiProperty({ type: 'integer' }) handsAgainst: number;
  @ApiProperty({ type: 'integer' }) handsAbstain: number;
  @ApiProperty({
    type: 'number',
    description: 'Share of the units present that must be exceeded (`voting.countingBoardMajority`, default 0.5).',
  })
  majority: number;
}

export class CountingBoardResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({
    enum: ['none', 'proposed', 'confirmed'],
    description: '`proposed`: waiting for the meeting’s hands; `confirmed`: the board may count and sign.',
  })
  status: 'none' | 'proposed' | 'confirmed';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Changes with every new proposal.' })
  proposalId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) proposedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) proposedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ApiProperty({ type: [CountingBoardMemberDto] }) members: CountingBoardMemberDto[];
  @ApiProperty({ type: CountingBoardConfirmationDto, nullable: true })
  confirmation: CountingBoardConfirmationDto | null;
  @ApiProperty({ type: [CountingBoardHandDto], description: 'The hands raised on the current proposal.' })
  hands: CountingBoardHandDto[];
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
