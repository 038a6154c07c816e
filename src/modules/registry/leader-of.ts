import type { EntityManager } from 'typeorm';
import { ClusterLeadership, type LeadershipRole } from './cluster-leadership.entity';

/**
 * The unit that leads (or deputises) the cluster for a term, recorded or elected; null when
 * none is known. For other modules (the pledge's countersigner, the flag handover).
 */
export function leaderOf(
  manager: EntityManager,
  clusterId: string,
  termYear: number,
  role: LeadershipRole = 'leader',
): Promise<ClusterLeadership | null> {
  return manager.findOne(ClusterLeadership, { where: { clusterId, termYear, role }, relations: { unit: true } });
}
