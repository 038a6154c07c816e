import type { EntityManager } from 'typeorm';

/** A pledge version as its printed record reads it: the shared text, the seal and what it points to. */
export interface PledgeRecordFacts {
  id: string;
  version: number;
  sharedText: string;
  amendmentReason: string | null;
  sealDocumentId: string | null;
  sealedAt: Date | null;
  createdAt: Date;
  cycleId: string;
  clusterId: string;
  rulesVersionId: string;
}

/** One unit's part of a pledge version: its status and the document its head signed, if any. */
export interface UnitPledgeRecordFacts {
  id: string;
  unitId: string;
  status: string;
  signedDocumentId: string | null;
}

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The pledge version, or null; read in the caller's transaction. */
export async function pledgeRecordFacts(manager: EntityManager, pledgeId: string): Promise<PledgeRecordFacts | null> {
  const [row] = (await manager.query(
    `SELECT id, number, shared_text, amendment_reason, seal_document_id, sealed_at, created_at,
            cycle_id, cluster_id, rules_version_id
       FROM pledges WHERE id = $1`,
    [pledgeId],
  )) as {
    id: string;
    number: number;
    shared_text: string;
    amendment_reason: string | null;
    seal_document_id: string | null;
    sealed_at: Date | string | null;
    created_at: Date | string;
    cycle_id: string;
    cluster_id: string;
    rules_version_id: string;
  }[];
  if (!row) return null;
  return {
    id: row.id,
    version: row.number,
    sharedText: row.shared_text,
    amendmentReason: row.amendment_reason,
    sealDocumentId: row.seal_document_id,
    sealedAt: dateOrNull(row.sealed_at),
    createdAt: new Date(row.created_at),
    cycleId: row.cycle_id,
    clusterId: row.cluster_id,
    rulesVersionId: row.rules_version_id,
  };
}

/** The units' parts of the pledge version, in no particular order. */
export async function unitPledgeRecordFacts(
  manager: EntityManager,
  pledgeId: string,
): Promise<UnitPledgeRecordFacts[]> {
  const rows = (await manager.query(
    `SELECT id, unit_id, status, signed_document_id FROM unit_pledges WHERE pledge_id = $1`,
    [pledgeId],
  )) as { id: string; unit_id: string; status: string; signed_document_id: string | null }[];
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    status: row.status,
    signedDocumentId: row.signed_document_id,
  }));
}

/** The sealed pledge version whose seal is each of these documents, by document id (what the public verifier asks). */
export async function sealedPledgesOfSeals(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT id, seal_document_id FROM pledges WHERE seal_document_id = ANY($1::uuid[]) AND status = 'sealed'`,
    [[...new Set(documentIds)]],
  )) as { id: string; seal_document_id: string }[];
  return new Map(rows.map((row) => [row.seal_document_id, row.id]));
}
