import { In, type EntityManager } from 'typeorm';
import { ClusterLeadership, type LeadershipBasis, type LeadershipRole } from './cluster-leadership.entity';
import type { UnitRef } from './current-membership';

export type { LeadershipRole } from './cluster-leadership.entity';

/** A term's leadership as other modules read it: the row, not the entity. */
export interface LeadershipFacts {
  id: string;
  clusterId: string;
  unitId: string;
  role: LeadershipRole;
  termYear: number;
  basis: LeadershipBasis;
  pollId: string | null;
}

/** A term's leadership with its unit named (null only if the unit row were missing). */
export interface TermLeader extends LeadershipFacts {
  unit: UnitRef | null;
}

function toFacts(row: ClusterLeadership): LeadershipFacts {
  const { id, clusterId, unitId, role, termYear, basis, pollId } = row;
  return { id, clusterId, unitId, role, termYear, basis, pollId };
}

/** The leadership row of a term (its unit loaded), or null: the registry's own read, also its service's. */
export function leaderOf(
  manager: EntityManager,
  clusterId: string,
  termYear: number,
  role: LeadershipRole = 'leader',
): Promise<ClusterLeadership | null> {
  return manager.findOne(ClusterLeadership, { where: { clusterId, termYear, role }, relations: { unit: true } });
}

/**
 * The unit that leads (or deputises) the cluster for a term, recorded or elected, as a plain row;
 * null when none is known. For other modules (the pledge's countersigner, the flag handover).
 */
export async function termLeader(
  manager: EntityManager,
  clusterId: string,
  termYear: number,
  role: LeadershipRole = 'leader',
): Promise<TermLeader | null> {
  const leadership = await leaderOf(manager, clusterId, termYear, role);
  if (!leadership) return null;
  const { unit } = leadership;
  return { ...toFacts(leadership), unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null };
}

/** The leaderships of these ids by id (ids not found are absent), in the caller's transaction. */
export async function leadershipFacts(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, LeadershipFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.findBy(ClusterLeadership, { id: In([...new Set(ids)]) });
  return new Map(rows.map((row) => [row.id, toFacts(row)]));
}

/** A term of leadership to record: who leads (or deputises) the cluster, on what basis, noted by whom. */
export interface LeadershipToRecord extends Omit<LeadershipFacts, 'id'> {
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
