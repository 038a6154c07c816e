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
