import type { EntityManager } from 'typeorm';
import type { UserRef } from './user-facts';

/**
 * The people of these ids ordered by full name, then id (ids not found are absent): the order a
 * list of names is shown in, by the database's collation. Pass the transaction's manager.
 */
export async function userRefsByName(manager: EntityManager, userIds: readonly string[]): Promise<UserRef[]> {
  if (userIds.length === 0) return [];
  const rows = (await manager.query(
    `SELECT id, full_name, email FROM users WHERE id = ANY($1::uuid[]) ORDER BY full_name, id`,
    [[...new Set(userIds)]],
  )) as { id: string; full_name: string; email: string }[];
  return rows.map((row) => ({ id: row.id, fullName: row.full_name, email: row.email }));
}
