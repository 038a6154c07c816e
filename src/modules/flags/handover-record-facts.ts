import type { EntityManager } from 'typeorm';

/** A custody period as a handover's record lists it: who held the flag (a unit id, none in transit) from when. */
export interface HandoverCustodyPeriod {
  position: number;
  state: string;
  custodianUnitId: string | null;
  cause: string;
  startedAt: Date;
}

/** The periods the handover began, and the holding it ended (the one just before the first), by position. */
export async function handoverCustodyPeriods(
  manager: EntityManager,
  flagId: string,
  handoverId: string,
): Promise<HandoverCustodyPeriod[]> {
  const rows = (await manager.query(
    `SELECT p.position, p.state, p.custodian_unit_id, p.cause, p.started_at
       FROM flag_custody_periods p
      WHERE p.flag_id = $1
        AND (p.handover_id = $2
             OR p.position = (SELECT min(position) - 1 FROM flag_custody_periods WHERE handover_id = $2))
      ORDER BY p.position`,
    [flagId, handoverId],
  )) as {
    position: number;
    state: string;
    custodian_unit_id: string | null;
    cause: string;
    started_at: Date | string;
  }[];
  return rows.map((row) => ({
    position: row.position,
    state: row.state,
    custodianUnitId: row.custodian_unit_id,
    cause: row.cause,
    startedAt: new Date(row.started_at),
  }));
}

/** The completed handover whose signed record is each of these documents, by document id (what the public verifier asks). */
export async function completedHandoversOfDocuments(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT id, signed_document_id FROM flag_handovers
      WHERE signed_document_id = ANY($1::uuid[]) AND status = 'completed'`,
    [[...new Set(documentIds)]],
  )) as { id: string; signed_document_id: string }[];
  return new Map(rows.map((row) => [row.signed_document_id, row.id]));
}
