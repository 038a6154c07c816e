import type { EntityManager } from 'typeorm';
import { Cluster } from './cluster.entity';

/**
 * How hard another module locks a cluster's row: `update` (FOR UPDATE) or `no_key_update`
 * (FOR NO KEY UPDATE, which still lets rows referencing the cluster be inserted meanwhile).
 */
export type ClusterLock = 'update' | 'no_key_update';
const LOCK_MODES = { update: 'pessimistic_write', no_key_update: 'for_no_key_update' } as const;

/**
 * Locks the cluster's row to the end of the caller's transaction, so that what other modules decide
 * per cluster (opening a year, numbering rules versions) is serialised; false when there is no such cluster.
 */
export async function lockCluster(manager: EntityManager, clusterId: string, lock: ClusterLock): Promise<boolean> {
  const cluster = await manager.findOne(Cluster, { where: { id: clusterId }, lock: { mode: LOCK_MODES[lock] } });
  return cluster !== null;
}
