import { In, type EntityManager } from 'typeorm';
import { ClusterLeadership, type LeadershipBasis, type LeadershipRole } from './cluster-leadership.entity';
import type { UnitRef } from './current-membership';
import { leaderOf } from './leader-of';

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

/** `leaderOf` as a plain row: the unit leading (or deputising) the cluster for the term, or null. */
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
