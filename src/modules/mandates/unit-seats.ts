import type { EntityManager } from 'typeorm';

/** A person sitting for a unit (a meeting's register, a signature): what a unit mandate allows. */
export interface UnitSeat {
  userId: string;
  unitId: string;
}

/**
 * Which of these seats a mandate of one of the roles holds in force now (the transaction's now()),
 * in no particular order; read in the caller's transaction.
 */
export async function seatsHeldNow(
  manager: EntityManager,
  seats: readonly UnitSeat[],
  roles: readonly string[],
): Promise<UnitSeat[]> {
  if (seats.length === 0) return [];
  const rows = (await manager.query(
    `SELECT DISTINCT m.user_id, m.unit_id
       FROM unnest($1::uuid[], $2::uuid[]) AS s(user_id, unit_id)
       JOIN mandates m ON m.user_id = s.user_id AND m.unit_id = s.unit_id
      WHERE m.role = ANY($3) AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())`,
    [seats.map((seat) => seat.userId), seats.map((seat) => seat.unitId), [...roles]],
  )) as { user_id: string; unit_id: string }[];
  return rows.map((row) => ({ userId: row.user_id, unitId: row.unit_id }));
}

/** Whether the person holds a mandate of one of the roles for the unit in force now. */
export async function holdsSeatNow(manager: EntityManager, seat: UnitSeat, roles: readonly string[]): Promise<boolean> {
  return (await seatsHeldNow(manager, [seat], roles)).length > 0;
}
