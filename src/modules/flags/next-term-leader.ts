import type { EntityManager } from 'typeorm';
import type { Cycle } from '../cycles/cycle.entity';
import { ClusterLeadership } from '../registry/cluster-leadership.entity';

/**
 * The leader unit a certified election chose for the term after the cycle's year: the flag's
 * only possible recipient. A leader recorded by hand (basis `recorded`) does not count.
 */
export function electedNextTermLeader(manager: EntityManager, cycle: Cycle): Promise<ClusterLeadership | null> {
  return manager.findOne(ClusterLeadership, {
    where: { clusterId: cycle.clusterId, termYear: cycle.year + 1, role: 'leader', basis: 'election' },
    relations: { unit: true },
  });
}
