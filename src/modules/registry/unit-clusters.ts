import type { EntityManager } from 'typeorm';
import { currentMembershipSql } from './current-membership';

/** A cluster one of the units is a member of today. */
export interface UnitCluster {
  unitId: string;
  id: string;
  code: string;
  name: string;
}

/** The clusters these units are members of today, by cluster name; read in the caller's transaction. */
export async function currentClustersOfUnits(
  manager: EntityManager,
  unitIds: readonly string[],
): Promise<UnitCluster[]> {
  if (unitIds.length === 0) return [];
  const rows = (await manager.query(
    `SELECT m.unit_id, c.id, c.code, c.name
       FROM cluster_memberships m JOIN clusters c ON c.id = m.cluster_id
      WHERE m.unit_id = ANY($1::uuid[]) AND ${currentMembershipSql('m')}
      ORDER BY c.name`,
    [unitIds],
  )) as { unit_id: string; id: string; code: string; name: string }[];
  return rows.map((row) => ({ unitId: row.unit_id, id: row.id, code: row.code, name: row.name }));
}

/** Locks the unit's row until the caller's transaction ends: what serialises head grants for a unit. */
export async function lockUnit(manager: EntityManager, unitId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM units WHERE id = $1 FOR UPDATE`, [unitId]);
}
