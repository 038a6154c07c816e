import type { EntityManager } from 'typeorm';

/**
 * True when following `replaces_id` from `candidateId` reaches `pinnedId`, i.e. the candidate
 * amends the pinned version, directly or through other amendments (UNION stops on a loop).
 */
export async function amendsRulesVersion(
  manager: EntityManager,
  candidateId: string,
  pinnedId: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `WITH RECURSIVE chain(id, replaces_id) AS (
       SELECT id, replaces_id FROM rules_versions WHERE id = $1
       UNION
       SELECT r.id, r.replaces_id FROM rules_versions r JOIN chain c ON r.id = c.replaces_id
     )
     SELECT 1 FROM chain WHERE id = $2 AND id <> $1 LIMIT 1`,
    [candidateId, pinnedId],
  )) as unknown[];
  return rows.length > 0;
}
