import type { EntityManager } from 'typeorm';

/**
 * Of these ids, the pledge progress reports that a score of the unit may cite: approved (so
 * read-only), of the unit, under a pledge of the cycle. Read in the caller's transaction.
 */
export async function citableProgressReportIds(
  manager: EntityManager,
  reportIds: readonly string[],
  unitId: string,
  cycleId: string,
): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = (await manager.query(
    `SELECT r.id FROM pledge_progress_reports r
       JOIN unit_pledges up ON up.id = r.unit_pledge_id
       JOIN pledges p ON p.id = up.pledge_id
      WHERE r.id = ANY($1::uuid[]) AND r.status = 'approved' AND up.unit_id = $2 AND p.cycle_id = $3`,
    [[...new Set(reportIds)], unitId, cycleId],
  )) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}
