import type { EntityManager } from 'typeorm';
import { Cluster } from './cluster.entity';

/**
 * Whether the cluster exists. With `share` its row is read FOR SHARE and stays locked to the end
 * of the caller's transaction, so the cluster cannot change while the caller writes under it.
 */
export async function clusterExists(manager: EntityManager, clusterId: string, lock?: 'share'): Promise<boolean> {
  if (!lock) return manager.existsBy(Cluster, { id: clusterId });
  return (await manager.findOne(Cluster, { where: { id: clusterId }, lock: { mode: 'pessimistic_read' } })) !== null;
}
