import type { EntityManager } from 'typeorm';

/** The full names of these people by id (ids not found are absent). Pass the transaction's manager. */
export async function userNames(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])`, [
    [...new Set(userIds)],
  ])) as { id: string; full_name: string }[];
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

/** Which of these ids are accounts that may still sign in (active). */
export async function activeUserIds(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = (await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND is_active`, [
    [...new Set(userIds)],
  ])) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

/** A person as other modules name them. */
export interface UserRef {
  id: string;
  fullName: string;
  email: string;
}

/** The people of these ids by id (ids not found are absent). Pass the transaction's manager. */
export async function userRefs(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, UserRef>> {
  if (userIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, full_name, email FROM users WHERE id = ANY($1::uuid[])`, [
    [...new Set(userIds)],
  ])) as { id: string; full_name: string; email: string }[];
  return new Map(rows.map((row) => [row.id, { id: row.id, fullName: row.full_name, email: row.email }]));
}
