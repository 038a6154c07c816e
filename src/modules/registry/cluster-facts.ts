import type { EntityManager } from 'typeorm';
import { Cluster } from './cluster.entity';

/** A cluster as other modules name it. */
export interface ClusterRef {
  id: string;
  code: string;
  name: string;
}

/** The clusters of these ids by id (ids not found are absent); read in the caller's transaction. */
export async function clusterRefs(
  manager: EntityManager,
  clusterIds: readonly string[],
): Promise<Map<string, ClusterRef>> {
  if (clusterIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, code, name FROM clusters WHERE id = ANY($1::uuid[])`, [
    [...new Set(clusterIds)],
  ])) as ClusterRef[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** One cluster, or null. */
export async function clusterRef(manager: EntityManager, clusterId: string): Promise<ClusterRef | null> {
  return (await clusterRefs(manager, [clusterId])).get(clusterId) ?? null;
}

/**
 * How hard another module locks a cluster's row: `share` (FOR SHARE: the cluster cannot change while
 * the caller writes under it), `update` (FOR UPDATE) or `no_key_update` (FOR NO KEY UPDATE, which
 * still lets rows referencing the cluster be inserted meanwhile).
 */
export type ClusterLock = 'share' | 'update' | 'no_key_update';
const LOCK_MODES = {
  share: 'pessimistic_read',
  update: 'pessimistic_write',
  no_key_update: 'for_no_key_update',
} as const;

/**
 * Locks the cluster's row to the end of the caller's transaction, so that what other modules decide
 * per cluster (opening a year, numbering rules versions) is serialised; false when there is no such cluster.
 */
export async function lockCluster(manager: EntityManager, clusterId: string, lock: ClusterLock): Promise<boolean> {
  const cluster = await manager.findOne(Cluster, { where: { id: clusterId }, lock: { mode: LOCK_MODES[lock] } });
  return cluster !== null;
}
