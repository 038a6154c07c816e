import type { EntityManager } from 'typeorm';
import { ClusterLeadership, type LeadershipBasis, type LeadershipRole } from './cluster-leadership.entity';

export type { LeadershipRole } from './cluster-leadership.entity';

/** A term of leadership to record: who leads (or deputises) the cluster, and on what basis. */
export interface LeadershipToRecord {
  clusterId: string;
  unitId: string;
  role: LeadershipRole;
  termYear: number;
  basis: LeadershipBasis;
  pollId: string | null;
  note: string | null;
  recordedBy: string | null;
}

/**
 * Records the term in the caller's transaction and returns the new row's id; null (and nothing
 * written) when the cluster's term already has someone in that role (unique per cluster, term, role).
 */
export async function recordLeadership(manager: EntityManager, term: LeadershipToRecord): Promise<string | null> {
  const { clusterId, termYear, role } = term;
  if (await manager.existsBy(ClusterLeadership, { clusterId, termYear, role })) return null;
  const leadership = await manager.save(manager.create(ClusterLeadership, term));
  return leadership.id;
}

/** The unit recorded in the role for each of these terms of the cluster, by term year (terms without one are absent). */
export async function leadersOfTerms(
  manager: EntityManager,
  clusterId: string,
  termYears: readonly number[],
  role: LeadershipRole = 'leader',
): Promise<Map<number, string>> {
  const rows = (await manager.query(
    `SELECT unit_id, term_year FROM cluster_leaderships
      WHERE cluster_id = $1 AND role = $2 AND term_year = ANY($3::int[])`,
    [clusterId, role, [...termYears]],
  )) as { unit_id: string; term_year: number }[];
  return new Map(rows.map((row) => [row.term_year, row.unit_id]));
}
