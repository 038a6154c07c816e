import type { EntityManager } from 'typeorm';
import { currentMembershipSql } from './current-membership';

/** Which of these units are members of the cluster today; in the caller's transaction. */
export async function currentMembersAmong(
  manager: EntityManager,
  clusterId: string,
  unitIds: readonly string[],
): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = (await manager.query(
    `SELECT m.unit_id FROM cluster_memberships m
      WHERE m.cluster_id = $1 AND m.unit_id = ANY($2::uuid[]) AND ${currentMembershipSql('m')}`,
    [clusterId, [...new Set(unitIds)]],
  )) as { unit_id: string }[];
  return new Set(rows.map((row) => row.unit_id));
}
