import type { EntityManager } from 'typeorm';

/**
 * The one clock of a write: the database's `now()` in the caller's transaction — the transaction's
 * start, the same for every statement of it and for every instance whatever their own clocks say —
 * truncated to the milliseconds a JavaScript `Date` holds (so a value written back compares equal).
 */
export async function databaseNow(manager: EntityManager): Promise<Date> {
  const [row] = (await manager.query(`SELECT date_trunc('milliseconds', now()) AS now`)) as { now: Date | string }[];
  return new Date(row.now);
}
