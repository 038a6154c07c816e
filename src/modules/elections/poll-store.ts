import type { EntityManager } from 'typeorm';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsException } from '../meetings';
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

export async function meetingOf(manager: EntityManager, poll: Poll, lock = false): Promise<Meeting> {
  const meeting = await manager.findOne(Meeting, {
    where: { id: poll.meetingId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!meeting) throw MeetingsException.meetingNotFound(poll.meetingId);
  return meeting;
}

export async function candidatesOf(manager: EntityManager, pollId: string): Promise<CandidateWithUnit[]> {
  return (await manager.find(PollCandidate, {
    where: { pollId },
    relations: { unit: true },
  })) as CandidateWithUnit[];
}

/** The poll as the API shows it, read in the caller's transaction. */
export async function describePoll(manager: EntityManager, poll: Poll): Promise<PollResponseDto> {
  const fresh = await findPoll(manager, poll.id);
  const runoff = await manager.findOne(Poll, { where: { parentPollId: poll.id }, select: { id: true } });
  return toPollResponse(fresh, await candidatesOf(manager, poll.id), runoff?.id ?? null);
}
