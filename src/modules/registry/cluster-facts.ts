import type { EntityManager } from 'typeorm';

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
