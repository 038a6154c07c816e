import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LedgerService } from '../ledger';
import { ClusterLeadership, type LeadershipRole } from '../registry/cluster-leadership.entity';
import { CountingException } from './counting.exception';
import type { Poll } from './poll.entity';
import type { PollResult } from './poll-tally';

const ROLE_OF: Partial<Record<Poll['kind'], LeadershipRole>> = {
  leader_election: 'leader',
  deputy_election: 'deputy',
};

/**
 * What a certified election changes: the elected unit leads (or deputises) the cluster for the
 * next term — the year after the meeting's cycle — which the flag handover relies on. Runs in the
 * certifying transaction; a term already recorded is refused (unique per cluster, term and role).
 */
@Injectable()
export class LeadershipEffect {
  constructor(private readonly ledger: LedgerService) {}

  async apply(manager: EntityManager, poll: Poll, actorId: string): Promise<ClusterLeadership | null> {
    const role = ROLE_OF[poll.kind];
    const result = poll.result as unknown as PollResult | null;
    if (!role || result?.outcome !== 'elected' || result.winners.length !== 1) return null;
    const [cycle] = (await manager.query(
      `SELECT m.cluster_id, c.year FROM meetings m JOIN cycles c ON c.id = m.cycle_id WHERE m.id = $1`,
      [poll.meetingId],
    )) as { cluster_id: string; year: number }[];
    const termYear = cycle.year + 1;
    if (await manager.existsBy(ClusterLeadership, { clusterId: cycle.cluster_id, termYear, role })) {
      throw CountingException.leadershipTaken();
    }
    const leadership = await manager.save(
      manager.create(ClusterLeadership, {
        clusterId: cycle.cluster_id,
        unitId: result.winners[0],
        role,
        termYear,
        basis: 'election',
        pollId: poll.id,
        note: poll.title,
        recordedBy: actorId,
      }),
    );
    await this.ledger.append(manager, {
      actorId,
      action: 'elections.leadership_recorded',
      subjectType: 'cluster',
      subjectId: cycle.cluster_id,
      payload: { leadershipId: leadership.id, unitId: leadership.unitId, role, termYear, pollId: poll.id },
    });
    return leadership;
  }
}
