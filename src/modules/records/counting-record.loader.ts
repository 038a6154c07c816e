import type { EntityManager } from 'typeorm';
import {
  MOTION_NO,
  MOTION_YES,
  buildCountingRecord,
  ElectionsErrorCode,
  ElectionsException,
  POLL_SUBJECT,
  candidatePositions,
  findPoll,
} from '../elections';
import { findRulesVersion } from '../rules';
import { canonicalDocument, firstSignedDocumentOf, signedDocuments } from '../signatures';
import type { CountingRecordData, CountingRecordPaper } from './counting-record';
import type { RecordSeal } from './record-parts';
import { newestLedgerEntry, signersOf } from './record-sources';

/** The counting record's content as `buildCountingRecord` writes it (format version 1), as far as it is printed. */
interface StoredCountingRecord {
  cluster: { code: string; name: string };
  cycle: { year: number };
  meeting: { title: string; heldOn: string; place: string | null };
  poll: {
    id: string;
    kind: string;
    title: string;
    method: CountingRecordData['poll']['method'];
    round: number;
    parentPollId: string | null;
    awardCategoryCode: string | null;
    motionText: string | null;
    rulesVersionId: string;
  };
  attendance: { present: number; members: number };
  roll: { size: number | null; weight: number | null; digest: string | null };
  ballots: CountingRecordData['ballots'];
  counts: (({ unitId: string; unitCode: string; unitName: string } | { option: string }) & {
    votes: number;
    passes: boolean;
  })[];
  result: {
    outcome: string;
    winners: string[];
    runoff: string[];
    threshold: number;
    base: { kind: string; value: number };
    votesNeeded: number;
    quorum: { required: number; members: number; present: number; met: boolean };
    unresolvedTie: { among: string[]; places: number } | null;
  };
  tieBreaks: { among: string[]; places: number; decidedBy: string; selected: string[] }[];
  drawSeed: string | null;
  bulletinDigest: string | null;
  countingBoard: { userId: string; fullName: string }[];
  paper?: {
    ballotsIssued: number;
    sheet: Record<string, number> | null;
    agreeingMembers: string[];
    entries: number;
    corrections: number;
  };
}

const MOTION_OPTIONS: Readonly<Record<string, string>> = { yes: 'Đồng ý', no: 'Không đồng ý' };
/** A motion's sheet lines by ballot position. */
const MOTION_POSITIONS: Readonly<Record<number, string>> = { [MOTION_YES]: 'yes', [MOTION_NO]: 'no' };
const TOTAL_LINES: readonly (readonly [string, string])[] = [
  ['ballots_issued', 'Số phiếu phát ra'],
  ['ballots_received', 'Số phiếu thu về'],
  ['blank', 'Phiếu trắng'],
  ['invalid', 'Phiếu không hợp lệ'],
];
export const NOT_CERTIFIED = 'CHƯA CHỨNG NHẬN';

const iso = (value: Date | string) => new Date(value).toISOString();

/** The poll as `buildCountingRecord` takes it. */
type TalliedPoll = Parameters<typeof buildCountingRecord>[1];

/**
 * The record to print: the signed counting record once anyone signed (what the signers signed,
 * even if a name changed since), else the record as it would be offered for signing.
 */
async function countingDocument(manager: EntityManager, poll: TalliedPoll) {
  const document = poll.countingRecordDocumentId
    ? (await signedDocuments(manager, [poll.countingRecordDocumentId])).get(poll.countingRecordDocumentId)
    : await firstSignedDocumentOf(manager, 'counting_record', poll.id);
  if (document) {
    return {
      id: document.id,
      digest: document.digest,
      content: JSON.parse(document.canonical) as StoredCountingRecord,
    };
  }
  const content = await buildCountingRecord(manager, poll);
  return { id: null, digest: canonicalDocument(content).digest, content: content as unknown as StoredCountingRecord };
}

/** The paper sheet line by line: the totals, then one line per ballot position, names from the record. */
async function paperOf(
  manager: EntityManager,
  record: StoredCountingRecord,
  nameOf: (id: string) => string,
): Promise<CountingRecordPaper | null> {
  const paper = record.paper;
  if (!paper) return null;
  const positions = await candidatePositions(manager, record.poll.id);
  const sheet = paper.sheet ?? {};
  const optionLines = Object.keys(sheet)
    .filter((line) => line.startsWith('option:'))
    .map((line) => Number(line.slice('option:'.length)))
    .sort((a, b) => a - b)
    .map((position) => {
      const count = sheet[`option:${position}`];
      if (record.poll.kind === 'motion') {
        return { label: `Phiếu ${nameOf(MOTION_POSITIONS[position] ?? String(position)).toLowerCase()}`, count };
      }
      const unitId = positions.get(position);
      return { label: `Phiếu cho ${unitId ? nameOf(unitId) : `phương án ${position}`}`, count };
    });
  const board = new Map(record.countingBoard.map((member) => [member.userId, member.fullName]));
  return {
    ballotsIssued: paper.ballotsIssued,
    sheet: [
      ...TOTAL_LINES.slice(0, 2).map(([line, label]) => ({ label, count: sheet[line] })),
      ...optionLines,
      ...TOTAL_LINES.slice(2).map(([line, label]) => ({ label, count: sheet[line] })),
    ].filter((line) => line.count !== undefined),
    agreeingMembers: paper.agreeingMembers.map((id) => board.get(id) ?? id),
    entries: paper.entries,
    corrections: paper.corrections,
  };
}

/**
 * A tallied poll's counting record, read from the tables in one snapshot: the signed document's
 * content (or, before anyone signed, the record offered for signing), its signatures with their
 * keys, and the seal — certified, the signed document's digest and the `elections.result_certified`
 * entry; not yet, "CHƯA CHỨNG NHẬN" and the newest ledger entry about the poll.
 */
export async function loadCountingRecord(manager: EntityManager, pollId: string): Promise<CountingRecordData> {
  const poll = await findPoll(manager, pollId);
  if (poll.status !== 'tallied' && poll.status !== 'certified') {
    throw new ElectionsException(
      ElectionsErrorCode.PollNotTallied,
      'The counting record exists once the poll is tallied.',
      { status: poll.status },
    );
  }
  const document = await countingDocument(manager, poll);
  const record = document.content;
  const names = new Map<string, string>(Object.entries(MOTION_OPTIONS));
  for (const count of record.counts) if ('unitId' in count) names.set(count.unitId, count.unitName);
  const nameOf = (id: string) => names.get(id) ?? id;

  const signatures = document.id ? ((await signersOf(manager, [document.id])).get(document.id) ?? []) : [];
  const certified = poll.status === 'certified';
  const subjects = { [POLL_SUBJECT]: [poll.id] };
  const ledger = await newestLedgerEntry(manager, subjects, certified ? 'elections.result_certified' : undefined);
  const seal: RecordSeal = certified
    ? { digest: document.digest, digestOf: 'signed_document', ledger, sealed: true }
    : {
        digest: document.digest,
        digestOf: document.id ? 'signed_document' : 'unsigned_document',
        ledger,
        sealed: false,
        pendingLabel: NOT_CERTIFIED,
      };
  const drawEntry = record.drawSeed ? await newestLedgerEntry(manager, subjects, 'elections.draw_seeded') : null;
  let awardCategory: CountingRecordData['poll']['awardCategory'] = null;
  if (record.poll.awardCategoryCode) {
    const rules = await findRulesVersion(manager, record.poll.rulesVersionId);
    const category = rules?.content.awardCategories?.find((c) => c.code === record.poll.awardCategoryCode);
    awardCategory = { code: record.poll.awardCategoryCode, name: category?.nameVi ?? null };
  }

  const { result } = record;
  const issuedAt = certified ? poll.certifiedAt! : (ledger?.occurredAt ?? poll.talliedAt ?? poll.createdAt);
  return {
    cluster: { code: record.cluster.code, name: record.cluster.name },
    issuedAt: iso(issuedAt),
    seal,
    cycle: { year: record.cycle.year },
    meeting: { title: record.meeting.title, heldOn: record.meeting.heldOn, place: record.meeting.place },
    poll: {
      id: record.poll.id,
      kind: record.poll.kind,
      title: record.poll.title,
      method: record.poll.method,
      round: record.poll.round,
      parentPollId: record.poll.parentPollId,
      awardCategory,
      motionText: record.poll.motionText,
    },
    certification: certified ? { certifiedAt: iso(poll.certifiedAt!), ledgerSeq: ledger?.seq ?? null } : null,
    attendance: { members: record.attendance.members, present: record.attendance.present },
    roll: record.roll,
    ballots: record.ballots,
    paper: await paperOf(manager, record, nameOf),
    options: record.counts.map((count) => {
      const id = 'unitId' in count ? count.unitId : count.option;
      return {
        unit: 'unitId' in count ? { code: count.unitCode, name: count.unitName } : null,
        label: nameOf(id),
        votes: count.votes,
        passes: count.passes,
        winner: result.winners.includes(id),
        runoff: result.runoff.includes(id),
      };
    }),
    result: {
      outcome: result.outcome,
      winners: result.winners.map(nameOf),
      runoff: result.runoff.map(nameOf),
      threshold: result.threshold,
      base: result.base,
      votesNeeded: result.votesNeeded,
      quorum: result.quorum,
      unresolvedTie: result.unresolvedTie
        ? { among: result.unresolvedTie.among.map(nameOf), places: result.unresolvedTie.places }
        : null,
    },
    tieBreaks: record.tieBreaks.map((tie) => ({
      among: tie.among.map(nameOf),
      places: tie.places,
      decidedBy: tie.decidedBy,
      selected: tie.selected.map(nameOf),
    })),
    drawSeed: record.drawSeed,
    drawSeedLedgerSeq: drawEntry?.seq ?? null,
    bulletinDigest: record.bulletinDigest,
    board: record.countingBoard.map((member) => member.fullName),
    signatures,
  };
}
