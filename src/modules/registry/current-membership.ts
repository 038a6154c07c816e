import type { EntityManager } from 'typeorm';

/**
 * "Current" membership, in one place: the unit is a member on the days from `joined_on` to
 * `left_on`, both included (the CHECK allows left_on = joined_on, a one-day membership), and
 * today is the database's CURRENT_DATE. `alias` is a cluster_memberships alias in raw SQL.
 */
export function currentMembershipSql(alias: string): string {
  return `${alias}.joined_on <= CURRENT_DATE AND (${alias}.left_on IS NULL OR ${alias}.left_on >= CURRENT_DATE)`;
}

/** The clusters a unit is a member of today. Pass the transaction's manager when inside one. */
export async function currentClusterIdsOfUnit(manager: EntityManager, unitId: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT m.cluster_id FROM cluster_memberships m WHERE m.unit_id = $1 AND ${currentMembershipSql('m')}`,
    [unitId],
  )) as { cluster_id: string }[];
  return rows.map((row) => row.cluster_id);
}
