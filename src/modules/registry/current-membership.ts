import type { EntityManager } from 'typeorm';

/**
 * "Current" membership, in one place: the unit is a member on the days from `joined_on` to
 * `left_on`, both included (the CHECK allows left_on = joined_on, a one-day membership), and
 * today is the database's CURRENT_DATE. `alias` is a cluster_memberships alias in raw SQL.
 */
export function currentMembershipSql(alias: string): string {
  return `${alias}.joined_on <= CURRENT_DATE AND (${alias}.left_on IS NULL OR ${alias}.left_on >= CURRENT_DATE)`;
}

/** Whether the unit (or any of the units) is a member of the cluster today. */
export async function isCurrentMember(
  manager: EntityManager,
  clusterId: string,
  unitIds: string | readonly string[],
): Promise<boolean> {
  const ids = typeof unitIds === 'string' ? [unitIds] : [...unitIds];
  if (ids.length === 0) return false;
  const rows = (await manager.query(
    `SELECT 1 FROM cluster_memberships m
      WHERE m.cluster_id = $1 AND m.unit_id = ANY($2::uuid[]) AND ${currentMembershipSql('m')} LIMIT 1`,
    [clusterId, ids],
  )) as unknown[];
  return rows.length > 0;
}

/** The codes of the cluster's member units today, in no particular order (what a weighted tally adds up). */
export async function currentMemberCodes(manager: EntityManager, clusterId: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT u.code FROM cluster_memberships m JOIN units u ON u.id = m.unit_id
      WHERE m.cluster_id = $1 AND ${currentMembershipSql('m')}`,
    [clusterId],
  )) as { code: string }[];
  return rows.map((row) => row.code);
}

/** A member unit of a cluster as other modules read it: its id, code, name and whether women lead it. */
export interface MemberUnit {
  unitId: string;
  code: string;
  name: string;
  womenLed: boolean;
}

/** The cluster's member units today, by code. */
export async function currentMemberUnits(manager: EntityManager, clusterId: string): Promise<MemberUnit[]> {
  const rows = (await manager.query(
    `SELECT u.id, u.code, u.name, u.women_led FROM cluster_memberships m JOIN units u ON u.id = m.unit_id
      WHERE m.cluster_id = $1 AND ${currentMembershipSql('m')} ORDER BY u.code`,
    [clusterId],
  )) as { id: string; code: string; name: string; women_led: boolean }[];
  return rows.map((row) => ({ unitId: row.id, code: row.code, name: row.name, womenLed: row.women_led }));
}

/** Whether a unit with this id exists (left or not). */
export async function unitExists(manager: EntityManager, unitId: string): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM units WHERE id = $1`, [unitId])) as unknown[];
  return rows.length > 0;
}

/** A unit as other modules name it. */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

/** The units of these ids by id (the ids not found are absent). */
export async function unitRefs(manager: EntityManager, unitIds: readonly string[]): Promise<Map<string, UnitRef>> {
  if (unitIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, code, name FROM units WHERE id = ANY($1::uuid[])`, [
    [...new Set(unitIds)],
  ])) as UnitRef[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** The member units of each of these clusters today (every cluster asked is a key, maybe with no unit). */
export async function currentMembersOfClusters(
  manager: EntityManager,
  clusterIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const members = new Map<string, Set<string>>(clusterIds.map((id) => [id, new Set<string>()]));
  if (clusterIds.length === 0) return members;
  const rows = (await manager.query(
    `SELECT m.cluster_id, m.unit_id FROM cluster_memberships m
      WHERE m.cluster_id = ANY($1::uuid[]) AND ${currentMembershipSql('m')}`,
    [[...new Set(clusterIds)]],
  )) as { cluster_id: string; unit_id: string }[];
  for (const row of rows) members.get(row.cluster_id)!.add(row.unit_id);
  return members;
}

/** The clusters that any of these units is a member of today (each once, in no particular order). */
export async function currentClusterIdsOfUnits(manager: EntityManager, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = (await manager.query(
    `SELECT DISTINCT m.cluster_id FROM cluster_memberships m
      WHERE m.unit_id = ANY($1::uuid[]) AND ${currentMembershipSql('m')}`,
    [[...new Set(unitIds)]],
  )) as { cluster_id: string }[];
  return rows.map((row) => row.cluster_id);
}

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
