import type { EntityManager } from 'typeorm';
import { cycleOrThrow } from '../cycles';
import { clusterRef, unitRefs } from '../registry';
import { boardOf } from './counting-board-reads';
import { loadPaperState } from './paper-count-reader';
import { channelsMerged } from './bulletin-board';
import { meetingOf } from './poll-store';

/** Count-sheet lines that say nothing of any choice: invalid ballots exist on paper only. */
const UNSPLIT_LINES = new Set(['ballots_issued', 'ballots_received', 'invalid']);
import type { Poll, PollKind, PollMethod } from './poll.entity';
import { storedPollResult } from './poll-result';
import type { PollResult } from './poll-tally';

export const COUNTING_RECORD_TYPE = 'thidua.counting-record';

/** A candidate's line of the count; a motion's line names its option instead. */
export type CountingRecordCount =
  | { unitId: string; unitCode: string; unitName: string; votes: number; passes: boolean }
  | { option: 'yes' | 'no' | null; votes: number; passes: boolean };

/** `thidua.counting-record/1`, the published format (docs/elections.md); its schema is CountingRecordDocumentDto. */
export interface CountingRecord {
  type: typeof COUNTING_RECORD_TYPE;
  formatVersion: 1;
  cluster: { id: string; code: string; name: string };
  cycle: { id: string; year: number };
  meeting: { id: string; title: string; heldOn: string; place: string };
  poll: {
    id: string;
    kind: PollKind;
    title: string;
    method: PollMethod;
    round: number;
    parentPollId: string | null;
    awardCategoryCode: string | null;
    motionText: string | null;
    rulesVersionId: string;
  };
  attendance: { present: number | null; members: number | null };
  roll: { size: number | null; weight: number | null; digest: string | null };
  ballots: { cast: number; valid: number; invalid: number; blank: number; electronic: number };
  counts: CountingRecordCount[];
  result: Pick<
    PollResult,
    'outcome' | 'winners' | 'runoff' | 'threshold' | 'base' | 'votesNeeded' | 'quorum' | 'unresolvedTie'
  >;
  tieBreaks: PollResult['tieBreaks'];
  drawSeed: string | null;
  bulletinDigest: string | null;
  countingBoard: { userId: string; fullName: string; unitId: string | null }[];
  /** Paper and mixed polls only. */
  paper?: {
    ballotsIssued: number;
    channelsMerged?: true;
    sheet: Record<string, number> | null;
    agreeingMembers: string[];
    entries: number;
    corrections: number;
  };
}

/**
 * The counting record (biên bản kiểm phiếu) of a tallied poll, as the counting board and the
 * secretariat sign it: who could vote, how many ballots, how they were counted, the result and
 * how ties were settled. The figures no longer change once the poll is tallied; names and places
 * could, so the first signature freezes the record (certification.service.ts).
 */
export async function buildCountingRecord(manager: EntityManager, poll: Poll): Promise<CountingRecord> {
  // The meeting, its cycle and its cluster through their owners' front doors (foreign keys keep them).
  const meeting = await meetingOf(manager, poll);
  const cycle = await cycleOrThrow(manager, meeting.cycleId);
  const cluster = (await clusterRef(manager, meeting.clusterId))!;
  const candidates = (await manager.query(`SELECT unit_id FROM poll_candidates WHERE poll_id = $1`, [poll.id])) as {
    unit_id: string;
  }[];
  const units = await unitRefs(
    manager,
    candidates.map((candidate) => candidate.unit_id),
  );
  const result = storedPollResult(poll.kind, poll.result)!;
  const board = await boardOf(manager, poll.id);
  const record: CountingRecord = {
    type: COUNTING_RECORD_TYPE,
    formatVersion: 1,
    cluster: { id: cluster.id, code: cluster.code, name: cluster.name },
    cycle: { id: cycle.id, year: cycle.year },
    meeting: { id: meeting.id, title: meeting.title, heldOn: meeting.heldOn, place: meeting.place },
    poll: {
      id: poll.id,
      kind: poll.kind,
      title: poll.title,
      method: poll.method,
      round: poll.round,
      parentPollId: poll.parentPollId,
      awardCategoryCode: poll.awardCategoryCode,
      motionText: poll.motionText,
      rulesVersionId: poll.rulesVersionId,
    },
    attendance: { present: poll.presentCount, members: poll.memberCount },
    roll: { size: poll.rollSize, weight: poll.rollWeight, digest: poll.rollDigest },
    ballots: {
      cast: result.ballots,
      valid: result.valid,
      invalid: result.invalid,
      blank: result.abstentions,
      electronic: poll.ballotsCast ?? 0,
    },
    counts: result.options.map((o) => {
      const unit = o.unitId === null ? undefined : units.get(o.unitId);
      return unit
        ? { unitId: unit.id, unitCode: unit.code, unitName: unit.name, votes: o.votes, passes: o.passes }
        : { option: o.option, votes: o.votes, passes: o.passes };
    }),
    result: {
      outcome: result.outcome,
      winners: result.winners,
      runoff: result.runoff,
      threshold: result.threshold,
      base: result.base,
      votesNeeded: result.votesNeeded,
      quorum: result.quorum,
      unresolvedTie: result.unresolvedTie,
    },
    tieBreaks: result.tieBreaks,
    drawSeed: result.drawSeed,
    bulletinDigest: poll.bulletinDigest,
    countingBoard: board.map((m) => ({ userId: m.user_id, fullName: m.full_name, unitId: m.unit_id })),
  };
  if (poll.method !== 'electronic') {
    const paper = await loadPaperState(manager, poll);
    const corrections = paper.entries.filter((e) => e.supersedesId !== null).length;
    // A mixed poll with too few voters on one channel shows its channels merged (decision 016): the
    // sheet keeps only the lines that split no choice.
    const withheld = await channelsMerged(manager, poll);
    const sheet =
      withheld && paper.comparison.sheet
        ? Object.fromEntries(Object.entries(paper.comparison.sheet).filter(([line]) => UNSPLIT_LINES.has(line)))
        : paper.comparison.sheet;
    record.paper = {
      ballotsIssued: paper.issuedOnRecord,
      ...(withheld ? { channelsMerged: true } : {}),
      sheet,
      agreeingMembers: paper.comparison.agreeingMembers,
      entries: paper.entries.length,
      corrections,
    };
  }
  return record;
}
