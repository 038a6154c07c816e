import type { EntityManager } from 'typeorm';

/**
 * Why a person may sign a document: the capacity they sign in, the unit they sign for, and the
 * mandate (and delegation) that gave them that capacity at the moment of signing. Stored with the
 * signature and put in the bundle, so that a verifier can check it without us.
 */
export interface SignerCapacity {
  /** `unit_head`, `cluster_leader_head`, `secretariat`, `counting_board`… */
  capacity: string;
  unitId: string | null;
  /** The signer's own mandate, or — under a delegation — the delegating head's mandate. */
  mandateId: string | null;
  delegationId: string | null;
}

/**
 * The head of `unitId` at `at`: the person's own head mandate, else a delegation from a person
 * who holds it (approval delegations of a unit's head, recorded and not revoked). Null when neither.
 */
export async function unitHeadCapacity(
  manager: EntityManager,
  userId: string,
  unitId: string,
  at: Date,
  capacity = 'unit_head',
): Promise<SignerCapacity | null> {
  const [own] = (await manager.query(
    `SELECT id FROM mandates
      WHERE user_id = $1 AND unit_id = $2 AND role = 'head'
        AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)
      ORDER BY valid_from DESC LIMIT 1`,
    [userId, unitId, at],
  )) as { id: string }[];
  if (own) return { capacity, unitId, mandateId: own.id, delegationId: null };
  const [delegated] = (await manager.query(
    `SELECT d.id AS delegation_id, m.id AS mandate_id
       FROM approval_delegations d
       JOIN mandates m ON m.user_id = d.delegator_id AND m.unit_id = d.unit_id AND m.role = 'head'
                      AND m.valid_from <= $3 AND (m.valid_to IS NULL OR m.valid_to > $3)
      WHERE d.delegate_id = $1 AND d.unit_id = $2 AND d.revoked_at IS NULL
        AND d.valid_from <= $3 AND d.valid_to > $3
      ORDER BY d.valid_from DESC LIMIT 1`,
    [userId, unitId, at],
  )) as { delegation_id: string; mandate_id: string }[];
  return delegated
    ? { capacity, unitId, mandateId: delegated.mandate_id, delegationId: delegated.delegation_id }
    : null;
}

/** A secretariat mandate of `clusterId` held by the person at `at`, or null. */
export async function secretariatCapacity(
  manager: EntityManager,
  userId: string,
  clusterId: string,
  at: Date,
): Promise<SignerCapacity | null> {
  const [own] = (await manager.query(
    `SELECT id FROM mandates
      WHERE user_id = $1 AND cluster_id = $2 AND role = 'secretariat'
        AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)
      ORDER BY valid_from DESC LIMIT 1`,
    [userId, clusterId, at],
  )) as { id: string }[];
  return own ? { capacity: 'secretariat', unitId: null, mandateId: own.id, delegationId: null } : null;
}

/** The database's clock, to the millisecond, so that what we store and what a verifier compares agree. */
export async function signingTime(manager: EntityManager): Promise<Date> {
  const [row] = (await manager.query(`SELECT date_trunc('milliseconds', now()) AS now`)) as { now: Date }[];
  return new Date(row.now);
}
