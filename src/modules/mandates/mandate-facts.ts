import type { EntityManager } from 'typeorm';

/**
 * The mandate a person held at `at`, any role: one of `preferredUnitId` first, else the newest.
 * Null when they held none. Read in the caller's transaction.
 */
export async function mandateHeldAt(
  manager: EntityManager,
  userId: string,
  at: Date,
  preferredUnitId: string | null,
): Promise<string | null> {
  const [mandate] = (await manager.query(
    `SELECT id FROM mandates
      WHERE user_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
      ORDER BY (unit_id IS NOT DISTINCT FROM $3::uuid) DESC, valid_from DESC LIMIT 1`,
    [userId, at, preferredUnitId],
  )) as { id: string }[];
  return mandate?.id ?? null;
}
