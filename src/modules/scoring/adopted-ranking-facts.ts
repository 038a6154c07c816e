import type { EntityManager } from 'typeorm';

/** One unit's line of an adopted ranking as other modules read it: its final score (numeric text). */
export interface AdoptedRankingRow {
  unitId: string;
  total: string;
}

/** The rows of the cycle's newest adopted ranking, or null when none is adopted; in the caller's transaction. */
export async function adoptedRankingOfCycle(
  manager: EntityManager,
  cycleId: string,
): Promise<AdoptedRankingRow[] | null> {
  const [ranking] = (await manager.query(
    `SELECT adopted_ranking FROM scoring_periods
      WHERE cycle_id = $1 AND status = 'adopted' AND adopted_ranking IS NOT NULL
      ORDER BY adopted_at DESC NULLS LAST LIMIT 1`,
    [cycleId],
  )) as { adopted_ranking: { rows: AdoptedRankingRow[] } }[];
  return ranking ? ranking.adopted_ranking.rows : null;
}
