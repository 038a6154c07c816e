import type { EntityManager } from 'typeorm';
import type { LedgerPosition, RecordSigner } from './record-parts';

// Reading what every record is made of: signatures with their keys, and ledger positions.

interface SignatureRow {
  document_id: string;
  full_name: string;
  capacity: string;
  unit_name: string | null;
  delegation_id: string | null;
  algorithm: string;
  fingerprint: string;
  revoked_at: Date | string | null;
  signed_at: Date | string;
  ledger_seq: string | number;
}

interface LedgerRow {
  seq: string | number;
  hash: string;
  occurred_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export const toLedgerPosition = (row: LedgerRow): LedgerPosition => ({
  seq: String(row.seq),
  hash: row.hash,
  occurredAt: iso(row.occurred_at),
});

/** The signatures over each of the given signed documents, oldest first (ties by id: a stable order). */
export async function signersOf(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, RecordSigner[]>> {
  const byDocument = new Map<string, RecordSigner[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = (await manager.query(
    `SELECT s.document_id, u.full_name, s.capacity, n.name AS unit_name, s.delegation_id,
            k.algorithm, k.fingerprint, k.revoked_at, s.signed_at, s.ledger_seq
       FROM document_signatures s
       JOIN users u ON u.id = s.signer_id
       JOIN signing_keys k ON k.id = s.signing_key_id
       LEFT JOIN units n ON n.id = s.unit_id
      WHERE s.document_id = ANY($1::uuid[])
      ORDER BY s.signed_at, s.id`,
    [[...new Set(documentIds)]],
  )) as SignatureRow[];
  for (const row of rows) {
    const list = byDocument.get(row.document_id) ?? [];
    list.push({
      name: row.full_name,
      capacity: row.capacity,
      unitName: row.unit_name,
      delegated: row.delegation_id !== null,
      algorithm: row.algorithm,
      keyFingerprint: row.fingerprint,
      keyRevokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
      signedAt: iso(row.signed_at),
      ledgerSeq: String(row.ledger_seq),
    });
    byDocument.set(row.document_id, list);
  }
  return byDocument;
}

/** The ledger entry at `seq`. */
export async function ledgerEntryAt(manager: EntityManager, seq: string): Promise<LedgerPosition | null> {
  const [row] = (await manager.query(`SELECT seq, hash, occurred_at FROM ledger_entries WHERE seq = $1`, [
    seq,
  ])) as LedgerRow[];
  return row ? toLedgerPosition(row) : null;
}

/** The newest ledger entry about any of the subjects (type → ids), optionally of one action only. */
export async function newestLedgerEntry(
  manager: EntityManager,
  subjects: Readonly<Record<string, readonly string[]>>,
  action?: string,
): Promise<LedgerPosition | null> {
  const entries = Object.entries(subjects).filter(([, ids]) => ids.length > 0);
  if (entries.length === 0) return null;
  const params: unknown[] = action ? [action] : [];
  const conditions = entries.map(([type, ids]) => {
    params.push(type, [...ids]);
    return `(subject_type = $${params.length - 1} AND subject_id = ANY($${params.length}::text[]))`;
  });
  const [row] = (await manager.query(
    `SELECT seq, hash, occurred_at FROM ledger_entries
      WHERE (${conditions.join(' OR ')})${action ? ' AND action = $1' : ''}
      ORDER BY seq DESC LIMIT 1`,
    params,
  )) as LedgerRow[];
  return row ? toLedgerPosition(row) : null;
}
