import { ApiProperty } from '@nestjs/swagger';
import type { TallyOutcome } from '../poll-tally';

/** Every outcome a tally can reach (see docs/elections.md, "The tally"). */
export const TALLY_OUTCOMES: readonly TallyOutcome[] = [
  'elected',
  'runoff',
  'undecided',
  'adopted',
  'rejected',
  'proposed',
  'none_proposed',
  'no_quorum',
];

export class PollResultBaseDto {
  @ApiProperty({ enum: ['valid_votes', 'all_members', 'present_members'] })
  kind: 'valid_votes' | 'all_members' | 'present_members';
  @ApiProperty({ type: 'integer', description: 'The number the threshold is a share of (weighted).' }) value: number;
}

export class PollResultQuorumDto {
  @ApiProperty({ example: 0.6667, description: 'The share of member units the rules require.' }) required: number;
  @ApiProperty({ type: 'integer' }) members: number;
  @ApiProperty({ type: 'integer' }) present: number;
  @ApiProperty() met: boolean;
}

export class PollResultOptionDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The candidate's unit (the same name as the counting record's `counts[].unitId`); null for a motion.",
  })
  unitId: string | null;
  @ApiProperty({
    type: String,
    enum: ['yes', 'no', null],
    nullable: true,
    description: "A motion's option; null for a candidate.",
  })
  option: 'yes' | 'no' | null;
  @ApiProperty({ type: 'integer', description: 'Its place on the ballot (and its `option:<position>` paper line).' })
  position: number;
  @ApiProperty({ type: 'integer', description: 'Votes (approvals for award proposals), electronic and paper.' })
  votes: number;
  @ApiProperty({ description: 'Reached `votesNeeded` (and at least one vote); never true for `no`.' }) passes: boolean;
}

export class PollResultTieBreakDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The tied units.' }) among: string[];
  @ApiProperty({ type: 'integer', description: 'How many of them the step had to place.' }) places: number;
  @ApiProperty({ enum: ['higher_final_score', 'women_led_unit', 'recorded_draw'] })
  decidedBy: 'higher_final_score' | 'women_led_unit' | 'recorded_draw';
  @ApiProperty({ type: [String], format: 'uuid' }) selected: string[];
}

export class PollResultUnresolvedTieDto {
  @ApiProperty({ type: [String], format: 'uuid' }) among: string[];
  @ApiProperty({ type: 'integer' }) places: number;
}

/** The tally of a poll (kết quả kiểm phiếu), as `poll-tally.ts` computes it. */
export class PollResultDto {
  @ApiProperty({ enum: TALLY_OUTCOMES }) outcome: TallyOutcome;
  @ApiProperty({ type: 'integer', description: 'Ballots received: electronic plus paper.' }) ballots: number;
  @ApiProperty({ type: 'integer', description: 'Ballots for an option (awards: that approve or reject).' })
  valid: number;
  @ApiProperty({ type: 'integer', description: 'Electronic `abstain` plus blank paper ballots.' }) abstentions: number;
  @ApiProperty({ type: 'integer', description: 'Invalid paper ballots.' }) invalid: number;
  @ApiProperty({ type: PollResultBaseDto }) base: PollResultBaseDto;
  @ApiProperty({ example: 0.8, description: "The rules' passing threshold, a share of the base." }) threshold: number;
  @ApiProperty({ example: 5.6, description: 'threshold × base.' }) votesNeeded: number;
  @ApiProperty({ type: PollResultQuorumDto }) quorum: PollResultQuorumDto;
  @ApiProperty({ type: [PollResultOptionDto] }) options: PollResultOptionDto[];
  @ApiProperty({
    type: [String],
    description: 'The elected unit, the proposed units (unit ids), or `yes` for an adopted motion.',
  })
  winners: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The two units of the next ballot (outcome `runoff`).' })
  runoff: string[];
  @ApiProperty({ type: [PollResultTieBreakDto] }) tieBreaks: PollResultTieBreakDto[];
  @ApiProperty({ type: PollResultUnresolvedTieDto, nullable: true }) unresolvedTie: PollResultUnresolvedTieDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The recorded draw seed (also in the ledger).' })
  drawSeed: string | null;
}
