import type { EntityManager } from 'typeorm';
import { unitRefs } from '../registry';
import { userNames } from '../users';

/** A signature over a signed document, as the pledges' views and the PDF records show it. */
export interface SignatureSummary {
  signatureId: string;
  documentId: string;
  digest: string;
  signerId: string;
  signerName: string;
  capacity: string;
  unitId: string | null;
  unitName: string | null;
  mandateId: string | null;
  delegationId: string | null;
  keyFingerprint: string;
  algorithm: string;
  keyRevokedAt: string | null;
  signedAt: string;
  ledgerSeq: string;
}

interface SignatureRow {
  id: string;
  document_id: string;
  digest: string;
  signer_id: string;
  capacity: string;
  unit_id: string | null;
  mandate_id: string | null;
  delegation_id: string | null;
  fingerprint: string;
  algorithm: string;
  revoked_at: Date | string | null;
  signed_at: Date | string;
  ledger_seq: string | number;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The signatures over each of the given documents, by document id, oldest first (ties by id: a stable order). */
export async function signaturesOfDocuments(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, SignatureSummary[]>> {
  const byDocument = new Map<string, SignatureSummary[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = (await manager.query(
    `SELECT s.id, s.document_id, d.digest, s.signer_id, s.capacity, s.unit_id,
            s.mandate_id, s.delegation_id, k.fingerprint, k.algorithm, k.revoked_at, s.signed_at, s.ledger_seq
       FROM document_signatures s
       JOIN signed_documents d ON d.id = s.document_id
       JOIN signing_keys k ON k.id = s.signing_key_id
      WHERE s.document_id = ANY($1::uuid[])
      ORDER BY s.signed_at, s.id`,
    [[...new Set(documentIds)]],
  )) as SignatureRow[];
  // Signers and units are other modules' (a signature's foreign keys guarantee both exist).
  const signerNames = await userNames(
    manager,
    rows.map((row) => row.signer_id),
  );
  const units = await unitRefs(
    manager,
    rows.flatMap((row) => (row.unit_id ? [row.unit_id] : [])),
  );
  for (const row of rows) {
    const list = byDocument.get(row.document_id) ?? [];
    list.push({
      signatureId: row.id,
      documentId: row.document_id,
      digest: row.digest,
      signerId: row.signer_id,
      signerName: signerNames.get(row.signer_id)!,
      capacity: row.capacity,
      unitId: row.unit_id,
      unitName: row.unit_id ? (units.get(row.unit_id)?.name ?? null) : null,
      mandateId: row.mandate_id,
      delegationId: row.delegation_id,
      keyFingerprint: row.fingerprint,
      algorithm: row.algorithm,
      keyRevokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
      signedAt: iso(row.signed_at),
      ledgerSeq: String(row.ledger_seq),
    });
    byDocument.set(row.document_id, list);
  }
  return byDocument;
}
