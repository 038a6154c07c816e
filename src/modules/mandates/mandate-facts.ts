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

/** A mandate in force as other modules read it. */
export interface MandateInForce {
  id: string;
  userId: string;
  role: string;
  unitId: string | null;
}

/** The mandates in one of `roles` these people hold now (the database's now()), newest first. */
export async function mandatesInForceNow(
  manager: EntityManager,
  userIds: readonly string[],
  roles: readonly string[],
): Promise<MandateInForce[]> {
  if (userIds.length === 0) return [];
  const rows = (await manager.query(
    `SELECT id, user_id, role, unit_id FROM mandates
      WHERE user_id = ANY($1::uuid[]) AND role = ANY($2::text[])
        AND valid_from <= now() AND (valid_to IS NULL OR valid_to > now())
      ORDER BY valid_from DESC`,
    [[...new Set(userIds)], [...roles]],
  )) as { id: string; user_id: string; role: string; unit_id: string | null }[];
  return rows.map((row) => ({ id: row.id, userId: row.user_id, role: row.role, unitId: row.unit_id }));
}
