import { PollResultDto } from './poll-result.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  POLL_KINDS,
  POLL_METHODS,
  POLL_STATUSES,
  type PollKind,
  type PollMethod,
  type PollStatus,
} from '../poll.entity';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const Text = (max: number) => (target: object, property: string) => {
  Trim()(target, property);
  IsString()(target, property);
  MinLength(1)(target, property);
  MaxLength(max)(target, property);
};

export class CreatePollDto {
  @ApiProperty({ enum: POLL_KINDS }) @IsIn(POLL_KINDS) kind: PollKind;
  @ApiProperty({ example: 'Bầu cụm trưởng năm 2012' }) @Text(500) title: string;

  @ApiPropertyOptional({
    enum: POLL_METHODS,
    default: 'electronic',
    description: '`mixed` only when the rules allow it (`voting.mixedBallots`).',
  })
  @IsOptional()
  @IsIn(POLL_METHODS)
  method?: PollMethod;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Elections and award proposals: the units proposed (default: every member unit). Each is checked ' +
      'against the rules; refused ones are listed with the reason. At most 31.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(31)
  @IsUUID('all', { each: true })
  candidateUnitIds?: string[];

  @ApiPropertyOptional({ example: 'ALLIANCE-FLAG', description: 'Award proposals: the category code in the rules.' })
  @IsOptional()
  @Text(50)
  awardCategoryCode?: string;

  @ApiPropertyOptional({
    example: 'Thông qua Quy chế khen thưởng của Cụm',
    description: 'Motions: what is put to the vote.',
  })
  @IsOptional()
  @Text(5000)
  motionText?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Motions: an approval request (e.g. a proposed rules version) that the motion, once adopted and certified, completes.',
  })
  @IsOptional()
  @IsUUID()
  approvalRequestId?: string;
}

export class PollVersionDto {
  @ExpectedVersionField('poll')
  expectedVersion?: number;
}

export class PollCandidateDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'son-la' }) unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The option index on the ballot; null when refused.' })
  position: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'outgoing_leader' }) refusalCode: string | null;
  @ApiProperty({ type: String, nullable: true }) refusalReason: string | null;
  @ApiProperty({ type: String, nullable: true, example: '92.50', description: 'In the adopted ranking.' })
  finalScore: string | null;
  @ApiProperty() womenLed: boolean;
}

export class BallotOptionDto {
  @ApiProperty({
    example: 'abstain',
    description: "What to send: a candidate's unit id (`choice`, or in `approve` for awards), `yes`, `no`, `abstain`.",
  })
  value: string;
  @ApiProperty() label: string;
}

export class PollResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ enum: POLL_KINDS }) kind: PollKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: POLL_METHODS }) method: PollMethod;
  @ApiProperty({ enum: POLL_STATUSES }) status: PollStatus;
  @ApiProperty({ type: 'integer', description: '1 for the first ballot; a runoff counts on.' }) round: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentPollId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The next ballot (runoff), once created.' })
  runoffPollId: string | null;
  @ApiProperty({ format: 'uuid' }) rulesVersionId: string;
  @ApiProperty({ type: String, nullable: true }) awardCategoryCode: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Awards: most approvals per ballot (the quota).' })
  maxApprovals: number | null;
  @ApiProperty({ type: String, nullable: true }) motionText: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvalRequestId: string | null;
  @ApiProperty({ type: [PollCandidateDto] }) candidates: PollCandidateDto[];
  @ApiProperty({ type: [BallotOptionDto] }) ballotOptions: BallotOptionDto[];
  @ApiProperty({ type: 'integer', nullable: true }) memberCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) presentCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) rollSize: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the frozen roll (also in the ledger).' })
  rollDigest: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) ballotsCast: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the bulletin board at close.' })
  bulletinDigest: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) talliedAt: string | null;
  @ApiProperty({ type: PollResultDto, nullable: true, description: 'The tally, once counted; see docs/elections.md.' })
  result: PollResultDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) countingRecordDocumentId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) certifiedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class RollEntryDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'uuid' }) delegateId: string;
  @ApiProperty({ type: 'integer' }) weight: number;
}

export class PollRollResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ description: 'False while the poll is a draft: the roll is built when it opens.' }) frozen: boolean;
  @ApiProperty({ type: String, nullable: true }) digest: string | null;
  @ApiProperty({ type: [RollEntryDto] }) voters: RollEntryDto[];
}
