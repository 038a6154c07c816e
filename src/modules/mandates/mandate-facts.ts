import type { EntityManager } from 'typeorm';
import type { Role } from '../../common/access/roles';
import { Mandate } from './mandate.entity';

/** A mandate as other modules read it (a signature rests on one): who, which role, where, when. */
export interface MandateRecord {
  id: string;
  userId: string;
  role: Role;
  unitId: string | null;
  clusterId: string | null;
  validFrom: Date;
  validTo: Date | null;
}

/** The mandates of these ids, in no particular order; read in the caller's transaction. */
export async function mandateRecords(manager: EntityManager, ids: readonly string[]): Promise<MandateRecord[]> {
  if (ids.length === 0) return [];
  const mandates = await manager
    .getRepository(Mandate)
    .createQueryBuilder('row')
    .where('row.id IN (:...ids)', { ids })
    .getMany();
  return mandates.map((m) => ({
    id: m.id,
    userId: m.userId,
    role: m.role,
    unitId: m.unitId,
    clusterId: m.clusterId,
    validFrom: m.validFrom,
    validTo: m.validTo,
  }));
}

/** The id of a mandate (any role) the person holds in the unit now, or null. */
export async function mandateInUnitNow(manager: EntityManager, userId: string, unitId: string): Promise<string | null> {
  const [row] = (await manager.query(
    `SELECT m.id FROM mandates m
      WHERE m.user_id = $1 AND m.unit_id = $2 AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())
      LIMIT 1`,
    [userId, unitId],
  )) as { id: string }[];
  return row?.id ?? null;
}

/** The id of the person's secretariat mandate of the cluster in force at `at` (the latest begun), or null. */
export async function secretariatMandateAt(
  manager: EntityManager,
  userId: string,
  clusterId: string,
  at: Date,
): Promise<string | null> {
  const [own] = (await manager.query(
    `SELECT id FROM mandates
      WHERE user_id = $1 AND cluster_id = $2 AND role = 'secretariat'
        AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)
      ORDER BY valid_from DESC LIMIT 1`,
    [userId, clusterId, at],
  )) as { id: string }[];
  return own?.id ?? null;
}

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
