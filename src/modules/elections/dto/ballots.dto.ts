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
  @ApiProperty({ description: 'The receipt tracker: 64 hex digits, independent of every other tracker.' })
  tracker: string;
  @ApiPropertyOptional({ description: 'A candidate unit id, `yes`, `no` or `abstain`.' }) choice?: string;
  @ApiPropertyOptional({ type: [String], description: 'Award proposals: the approved unit ids.' }) approve?: string[];
}

export class BulletinBoardResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({
    description:
      'Whether the ballots are listed one by one. False for a mixed poll where fewer units than the rules’ ' +
      '`voting.minElectronicVotersForBoard` voted on one channel: then only the tally’s merged totals are published.',
  })
  listed: boolean;
  @ApiProperty({ type: 'integer', description: 'Electronic ballots in the box (a weighted voter puts in several).' })
  ballots: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'SHA-256 (hex) of the RFC 8785 canonical JSON of `entries` exactly as served — as recorded in the ledger at ' +
      'close (`elections.poll_closed`). Null when the ballots are not listed.',
  })
  digest: string | null;
  @ApiProperty({
    type: [BulletinEntryDto],
    description: 'Every electronic ballot, sorted by tracker (empty when not listed).',
  })
  entries: BulletinEntryDto[];
}
