import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { DocumentClusterDto, DocumentCycleDto, documentFormatVersion } from '../../signatures';
import { COUNTING_RECORD_TYPE, type CountingRecord } from '../counting-record';
import { POLL_KINDS, POLL_METHODS, type PollKind, type PollMethod } from '../poll.entity';
import type { TallyOutcome } from '../poll-tally';
import {
  PollResultBaseDto,
  PollResultQuorumDto,
  PollResultTieBreakDto,
  PollResultUnresolvedTieDto,
  TALLY_OUTCOMES,
} from './poll-result.dto';

type Of<K extends keyof CountingRecord> = NonNullable<CountingRecord[K]>;

export class CountingRecordMeetingDto implements Of<'meeting'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date', example: '2011-12-20' }) heldOn: string;
  @ApiProperty() place: string;
}

export class CountingRecordPollDto implements Of<'poll'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: POLL_KINDS }) kind: PollKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: POLL_METHODS }) method: PollMethod;
  @ApiProperty({ type: 'integer', description: 'Ballot of the round: 1, then 2 for a runoff…' }) round: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentPollId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Award proposals only.' })
  awardCategoryCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Motions only.' }) motionText: string | null;
  @ApiProperty({ format: 'uuid' }) rulesVersionId: string;
}

export class CountingRecordAttendanceDto implements Of<'attendance'> {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Member units present when the poll opened.' })
  present: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Member units when the poll opened.' })
  members: number | null;
}

export class CountingRecordRollDto implements Of<'roll'> {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Voters on the roll frozen when the poll opened.' })
  size: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) weight: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the frozen roll.' })
  digest: string | null;
}

export class CountingRecordBallotsDto implements Of<'ballots'> {
  @ApiProperty({ type: 'integer', description: 'Ballots received, electronic and paper.' }) cast: number;
  @ApiProperty({ type: 'integer' }) valid: number;
  @ApiProperty({ type: 'integer', description: 'Invalid paper ballots.' }) invalid: number;
  @ApiProperty({ type: 'integer', description: 'Electronic `abstain` and blank paper ballots.' }) blank: number;
  @ApiProperty({ type: 'integer' }) electronic: number;
}

/** A candidate's line of the count (elections, award proposals). */
export class CountingRecordCandidateCountDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: 'integer' }) votes: number;
  @ApiProperty() passes: boolean;
}

/** A motion's line of the count. */
export class CountingRecordOptionCountDto {
  @ApiProperty({ type: String, enum: ['yes', 'no', null], nullable: true }) option: 'yes' | 'no' | null;
  @ApiProperty({ type: 'integer' }) votes: number;
  @ApiProperty() passes: boolean;
}

export class CountingRecordResultDto implements Of<'result'> {
  @ApiProperty({ enum: TALLY_OUTCOMES }) outcome: TallyOutcome;
  @ApiProperty({ type: [String], description: 'The elected or proposed unit ids, or `yes` for an adopted motion.' })
  winners: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) runoff: string[];
  @ApiProperty({ example: 0.5 }) threshold: number;
  @ApiProperty({ type: PollResultBaseDto }) base: PollResultBaseDto;
  @ApiProperty({ example: 5.5 }) votesNeeded: number;
  @ApiProperty({ type: PollResultQuorumDto }) quorum: PollResultQuorumDto;
  @ApiProperty({ type: PollResultUnresolvedTieDto, nullable: true }) unresolvedTie: PollResultUnresolvedTieDto | null;
}

export class CountingRecordBoardMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
}

export class CountingRecordPaperDto implements Of<'paper'> {
  @ApiProperty({ type: 'integer', description: 'Paper ballots handed out, as recorded.' }) ballotsIssued: number;
  @ApiProperty({
    type: Boolean,
    enum: [true],
    required: false,
    description: 'Present (true) when a channel had too few voters and the sheet keeps only its totals (decision 016).',
  })
  channelsMerged?: true;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    example: { 'option:1': 7, 'option:2': 2, blank: 0, invalid: 1, ballots_issued: 10, ballots_received: 10 },
    description:
      'The agreed figures by line (`option:<position>`, `blank`, `invalid`, `ballots_issued`, `ballots_received`).',
  })
  sheet: Record<string, number> | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The board members whose whole sheets agree.' })
  agreeingMembers: string[];
  @ApiProperty({ type: 'integer' }) entries: number;
  @ApiProperty({ type: 'integer' }) corrections: number;
}

/** `thidua.counting-record/1`: the counting record (biên bản kiểm phiếu) as the board and the secretariat sign it. */
@ApiExtraModels(CountingRecordCandidateCountDto, CountingRecordOptionCountDto)
export class CountingRecordDocumentDto implements CountingRecord {
  @ApiProperty({ enum: [COUNTING_RECORD_TYPE] }) type: typeof COUNTING_RECORD_TYPE;
  @documentFormatVersion() formatVersion: 1;
  @ApiProperty({ type: DocumentClusterDto }) cluster: DocumentClusterDto;
  @ApiProperty({ type: DocumentCycleDto }) cycle: DocumentCycleDto;
  @ApiProperty({ type: CountingRecordMeetingDto }) meeting: CountingRecordMeetingDto;
  @ApiProperty({ type: CountingRecordPollDto }) poll: CountingRecordPollDto;
  @ApiProperty({ type: CountingRecordAttendanceDto }) attendance: CountingRecordAttendanceDto;
  @ApiProperty({ type: CountingRecordRollDto }) roll: CountingRecordRollDto;
  @ApiProperty({ type: CountingRecordBallotsDto }) ballots: CountingRecordBallotsDto;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(CountingRecordCandidateCountDto) },
        { $ref: getSchemaPath(CountingRecordOptionCountDto) },
      ],
    },
    description: "One line per ballot option: a candidate's unit, or a motion's `yes` / `no`.",
  })
  counts: (CountingRecordCandidateCountDto | CountingRecordOptionCountDto)[];
  @ApiProperty({ type: CountingRecordResultDto }) result: CountingRecordResultDto;
  @ApiProperty({ type: [PollResultTieBreakDto] }) tieBreaks: PollResultTieBreakDto[];
  @ApiProperty({ type: String, nullable: true }) drawSeed: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The bulletin board digest (GET /polls/{id}/bulletin-board).',
  })
  bulletinDigest: string | null;
  @ApiProperty({ type: [CountingRecordBoardMemberDto] }) countingBoard: CountingRecordBoardMemberDto[];
  @ApiProperty({ type: CountingRecordPaperDto, required: false, description: 'Paper and mixed polls only.' })
  paper?: CountingRecordPaperDto;
}
