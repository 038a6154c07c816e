import type { UnitRef } from '../../registry';
import { storedPollResult } from '../poll-result';
import type { PollCandidate } from '../poll-candidate.entity';
import type { Poll } from '../poll.entity';
import type { BallotOptionDto, PollCandidateDto, PollResponseDto } from './polls.dto';

/** A candidate with its unit as the registry names it (the entity keeps only the id). */
export type CandidateWithUnit = Omit<PollCandidate, 'unit'> & { unit: UnitRef };

function ballotOptions(poll: Poll, candidates: CandidateWithUnit[]): BallotOptionDto[] {
  const abstain = { value: 'abstain', label: 'Abstain (blank ballot)' };
  if (poll.kind === 'motion') return [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, abstain];
  const eligible = candidates.filter((c) => c.position !== null).sort((a, b) => a.position! - b.position!);
  return [...eligible.map((c) => ({ value: c.unitId, label: c.unit.name })), abstain];
}

export function toPollCandidate(candidate: CandidateWithUnit): PollCandidateDto {
  return {
    unitId: candidate.unitId,
    unitCode: candidate.unit.code,
    unitName: candidate.unit.name,
    eligible: candidate.position !== null,
    position: candidate.position,
    refusalCode: candidate.refusalCode,
    refusalReason: candidate.refusalReason,
    finalScore: candidate.finalScore,
    womenLed: candidate.womenLed,
  };
}

export function toPollResponse(
  poll: Poll,
  candidates: CandidateWithUnit[],
  runoffPollId: string | null,
): PollResponseDto {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const ordered = [...candidates].sort(
    (a, b) => (a.position ?? 99) - (b.position ?? 99) || a.unit.code.localeCompare(b.unit.code),
  );
  return {
    id: poll.id,
    meetingId: poll.meetingId,
    kind: poll.kind,
    title: poll.title,
    method: poll.method,
    status: poll.status,
    round: poll.round,
    parentPollId: poll.parentPollId,
    runoffPollId,
    rulesVersionId: poll.rulesVersionId,
    awardCategoryCode: poll.awardCategoryCode,
    maxApprovals: poll.maxApprovals,
    motionText: poll.motionText,
    approvalRequestId: poll.approvalRequestId,
    candidates: ordered.map(toPollCandidate),
    ballotOptions: ballotOptions(poll, candidates),
    memberCount: poll.memberCount,
    presentCount: poll.presentCount,
    rollSize: poll.rollSize,
    rollDigest: poll.rollDigest,
    openedAt: iso(poll.openedAt),
    closedAt: iso(poll.closedAt),
    ballotsCast: poll.ballotsCast,
    bulletinDigest: poll.bulletinDigest,
    talliedAt: iso(poll.talliedAt),
    result: storedPollResult(poll.kind, poll.result),
    countingRecordDocumentId: poll.countingRecordDocumentId,
    certifiedAt: iso(poll.certifiedAt),
    createdAt: poll.createdAt.toISOString(),
    version: poll.version,
  };
}
