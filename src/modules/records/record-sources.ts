import type { EntityManager } from 'typeorm';
import { signaturesOfDocuments } from '../signatures';
import type { LedgerPosition, RecordSigner } from './record-parts';

// Reading what every record is made of: signatures with their keys, and ledger positions.

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

/** The signers of each of the given signed documents, oldest first, as a record prints them. */
export async function signersOf(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, RecordSigner[]>> {
  const summaries = await signaturesOfDocuments(manager, documentIds);
  return new Map(
    [...summaries].map(([documentId, signatures]) => [
      documentId,
      signatures.map((signature) => ({
        name: signature.signerName,
        capacity: signature.capacity,
        unitName: signature.unitName,
        delegated: signature.delegationId !== null,
        algorithm: signature.algorithm,
        keyFingerprint: signature.keyFingerprint,
        keyRevokedAt: signature.keyRevokedAt,
        signedAt: signature.signedAt,
        ledgerSeq: signature.ledgerSeq,
      })),
    ]),
  );
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
