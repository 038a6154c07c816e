import type { EntityManager } from 'typeorm';
import { findMeeting } from '../meetings';
import { unitRefs } from '../registry';
import { toPollResponse, type CandidateWithUnit } from './dto/poll-response';
import type { PollResponseDto } from './dto/polls.dto';
import { ElectionsException } from './elections.exception';
import { PollCandidate } from './poll-candidate.entity';
import { Poll } from './poll.entity';

export const POLL_SUBJECT = 'poll';

/** The poll, optionally locked FOR UPDATE (which also waits for ballots being cast: they hold KEY SHARE). */
export async function findPoll(manager: EntityManager, id: string, lock = false): Promise<Poll> {
  const poll = await manager.findOne(Poll, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!poll) throw ElectionsException.pollNotFound(id);
  return poll;
}

/** The poll's meeting through the meetings front door (404 `meeting_not_found`), optionally locked FOR UPDATE. */
export function meetingOf(manager: EntityManager, poll: Poll, lock = false) {
  return findMeeting(manager, poll.meetingId, lock);
}

export async function candidatesOf(manager: EntityManager, pollId: string): Promise<CandidateWithUnit[]> {
  const candidates = await manager.find(PollCandidate, { where: { pollId } });
  // The foreign key guarantees each unit; the registry names it in the caller's transaction.
  const units = await unitRefs(
    manager,
    candidates.map((candidate) => candidate.unitId),
  );
  return candidates.map((candidate) => ({ ...candidate, unit: units.get(candidate.unitId)! }));
}

/** The poll as the API shows it, read in the caller's transaction. */
export async function describePoll(manager: EntityManager, poll: Poll): Promise<PollResponseDto> {
  const fresh = await findPoll(manager, poll.id);
  const runoff = await manager.findOne(Poll, { where: { parentPollId: poll.id }, select: { id: true } });
  return toPollResponse(fresh, await candidatesOf(manager, poll.id), runoff?.id ?? null);
}
