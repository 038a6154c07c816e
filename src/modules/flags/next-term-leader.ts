import type { EntityManager } from 'typeorm';
import type { Cycle } from '../cycles/cycle.entity';
import type { ClusterLeadership } from '../registry/cluster-leadership.entity';
import { leaderOf } from '../registry';

/**
 * The leader unit a certified election chose for the term after the cycle's year: the flag's
 * only possible recipient. A leader recorded by hand (basis `recorded`) does not count.
 */
export async function electedNextTermLeader(manager: EntityManager, cycle: Cycle): Promise<ClusterLeadership | null> {
  const leader = await leaderOf(manager, cycle.clusterId, cycle.year + 1);
  return leader?.basis === 'election' ? leader : null;
}
