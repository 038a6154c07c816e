import type { EntityManager } from 'typeorm';

/**
 * A unit head's authority held by a person at one instant: their own head mandate, or a
 * delegation (ủy quyền) from the unit's head. The ONE capacity check shared by approvals and
 * signatures, so that a person refused an approval act is refused the signature too.
 */
export interface HeadAuthority {
  unitId: string;
  /** The head mandate the act is taken under: the person's own, or the delegating head's. */
  mandateId: string;
  /** Null for the head's own mandate. */
  delegationId: string | null;
  /** The head whose authority is used (the person themselves without a delegation). */
  principalId: string;
}

/**
 * Every head authority `userId` holds at `at` (the database's `now()` when omitted), optionally
 * for one unit, own mandates first. A delegation counts only while it is in its window and not
 * revoked, its delegator holds the unit's head mandate, AND the delegate holds a mandate of that
 * unit of their own: a delegate who has left the unit can neither approve nor sign for it.
 */
export async function headAuthoritiesAt(
  manager: EntityManager,
  userId: string,
  options: { at?: Date; unitId?: string; delegatedOnly?: boolean } = {},
): Promise<HeadAuthority[]> {
  // read model: delegations and the head mandates they rest on, checked at one instant in one statement.
  const rows = (await manager.query(
    `WITH t AS (SELECT COALESCE($2::timestamptz, now()) AS at)
     SELECT * FROM (
       SELECT DISTINCT ON (m.unit_id) m.unit_id, m.id AS mandate_id, NULL::uuid AS delegation_id,
              m.user_id AS principal_id, 0 AS rank
         FROM mandates m, t
        WHERE NOT $4::boolean AND m.user_id = $1 AND m.role = 'head'
          AND ($3::uuid IS NULL OR m.unit_id = $3)
          AND m.valid_from <= t.at AND (m.valid_to IS NULL OR m.valid_to > t.at)
        ORDER BY m.unit_id, m.valid_from DESC
     ) own
     UNION ALL
     SELECT * FROM (
       SELECT DISTINCT ON (d.id) d.unit_id, hm.id, d.id, d.delegator_id, 1
         FROM approval_delegations d
         CROSS JOIN t
         JOIN mandates hm ON hm.user_id = d.delegator_id AND hm.role = 'head' AND hm.unit_id = d.unit_id
                         AND hm.valid_from <= t.at AND (hm.valid_to IS NULL OR hm.valid_to > t.at)
        WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND d.valid_from <= t.at AND d.valid_to > t.at
          AND ($3::uuid IS NULL OR d.unit_id = $3)
          AND EXISTS (SELECT 1 FROM mandates dm
                       WHERE dm.user_id = d.delegate_id AND dm.unit_id = d.unit_id
                         AND dm.valid_from <= t.at AND (dm.valid_to IS NULL OR dm.valid_to > t.at))
        ORDER BY d.id, hm.valid_from DESC
     ) delegated
     ORDER BY rank, unit_id, delegation_id`,
    [userId, options.at ?? null, options.unitId ?? null, options.delegatedOnly ?? false],
  )) as { unit_id: string; mandate_id: string; delegation_id: string | null; principal_id: string }[];
  return rows.map((row) => ({
    unitId: row.unit_id,
    mandateId: row.mandate_id,
    delegationId: row.delegation_id,
    principalId: row.principal_id,
  }));
}
