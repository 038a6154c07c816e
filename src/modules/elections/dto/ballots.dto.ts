import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { POLL_STATUSES, type PollStatus } from '../poll.entity';

export class CastBallotDto {
  @ApiPropertyOptional({
    example: 'abstain',
    description:
      "Elections: a candidate's unit id, or `abstain`. Motions: `yes`, `no` or `abstain`. Awards: only `abstain`.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  choice?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "Award proposals: the candidates you approve (the others are rejected); at most the category's quota.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @IsUUID('all', { each: true })
  approve?: string[];
}

export class BallotReceiptDto {
  @ApiProperty({ example: '5ed0b6c0e135fe7f…', description: 'Find it on the bulletin board after the poll closes.' })
  tracker: string;
  @ApiProperty({
    type: [String],
    description: 'All trackers of this cast (more than one when the rules weight your vote).',
  })
  trackers: string[];
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiPropertyOptional({ description: 'As on the bulletin board.' }) choice?: string;
  @ApiPropertyOptional({ type: [String] }) approve?: string[];
  @ApiProperty({ example: '/api/v1/polls/{id}/bulletin-board' }) bulletinBoard: string;
}

export class CastBallotResponseDto {
  @ApiProperty({ type: BallotReceiptDto }) receipt: BallotReceiptDto;
}

export class TurnoutResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ enum: POLL_STATUSES }) status: PollStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Voters on the frozen roll (null before it opens).' })
  entitled: number | null;
  @ApiProperty({ type: 'integer', description: 'Voters who have voted (electronically or handed a paper ballot).' })
  voted: number;
  @ApiProperty({ example: 0.5714 }) share: number;
}

export class BulletinEntryDto {
  @ApiProperty() tracker: string;
  @ApiPropertyOptional({ description: 'A candidate unit id, `yes`, `no` or `abstain`.' }) choice?: string;
  @ApiPropertyOptional({ type: [String], description: 'Award proposals: the approved unit ids.' }) approve?: string[];
}

export class BulletinBoardResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ type: 'integer' }) ballots: number;
  @ApiProperty({
    description: 'SHA-256 of the lines `tracker:choice` joined by newlines — as recorded in the ledger at close.',
  })
  digest: string;
  @ApiProperty({ type: [BulletinEntryDto], description: 'Every electronic ballot, sorted by tracker.' })
  entries: BulletinEntryDto[];
}
