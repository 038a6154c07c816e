import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { cycleOrThrow } from '../cycles';
import { LedgerService } from '../ledger';
import { type LeadershipRole, recordLeadership } from '../registry';
import { CountingException } from './counting.exception';
import { meetingOf } from './poll-store';
import type { Poll } from './poll.entity';
import type { PollResult } from './poll-tally';

const ROLE_OF: Partial<Record<Poll['kind'], LeadershipRole>> = {
  leader_election: 'leader',
  deputy_election: 'deputy',
};

/** The term recorded by a certified election. */
export interface ElectedLeadership {
  id: string;
  unitId: string;
  role: LeadershipRole;
  termYear: number;
}

/**
 * What a certified election changes: the elected unit leads (or deputises) the cluster for the
 * next term — the year after the meeting's cycle — which the flag handover relies on. Runs in the
 * certifying transaction; a term already recorded is refused (unique per cluster, term and role).
 * The registry records the term (its front door); this module keeps the poll's side of it.
 */
@Injectable()
export class LeadershipEffect {
  constructor(private readonly ledger: LedgerService) {}

  async apply(manager: EntityManager, poll: Poll, actorId: string): Promise<ElectedLeadership | null> {
    const role = ROLE_OF[poll.kind];
    const result = poll.result as unknown as PollResult | null;
    if (!role || result?.outcome !== 'elected' || result.winners.length !== 1) return null;
    const meeting = await meetingOf(manager, poll);
    const cycle = await cycleOrThrow(manager, meeting.cycleId);
    const termYear = cycle.year + 1;
    const unitId = result.winners[0];
    const id = await recordLeadership(manager, {
      clusterId: meeting.clusterId,
      unitId,
      role,
      termYear,
      basis: 'election',
      pollId: poll.id,
      note: poll.title,
      recordedBy: actorId,
    });
    if (id === null) throw CountingException.leadershipTaken();
    await this.ledger.append(manager, {
      actorId,
      action: 'elections.leadership_recorded',
      subjectType: 'cluster',
      subjectId: meeting.clusterId,
      payload: { leadershipId: id, unitId, role, termYear, pollId: poll.id },
    });
    return { id, unitId, role, termYear };
  }
}
