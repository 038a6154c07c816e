import type { EntityManager } from 'typeorm';

/** When a cycle was opened, and for which cluster: the date a record of the year falls back to. */
export interface CycleOpening {
  cycleId: string;
  clusterId: string;
  createdAt: Date;
}

/** The cycle's opening, or null; read in the caller's transaction. */
export async function cycleOpening(manager: EntityManager, cycleId: string): Promise<CycleOpening | null> {
  const [row] = (await manager.query(`SELECT id, cluster_id, created_at FROM cycles WHERE id = $1`, [cycleId])) as {
    id: string;
    cluster_id: string;
    created_at: Date | string;
  }[];
  return row ? { cycleId: row.id, clusterId: row.cluster_id, createdAt: new Date(row.created_at) } : null;
}
