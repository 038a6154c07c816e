import type { EntityManager } from 'typeorm';

/** Where an entry sits in the chain, as records and receipts cite it: seq, hash and time. */
export interface LedgerEntryPosition {
  /** bigint, as text. */
  seq: string;
  hash: string;
  occurredAt: Date;
}

interface PositionRow {
  seq: string | number;
  hash: string;
  occurred_at: Date | string;
}

const toPosition = (row: PositionRow): LedgerEntryPosition => ({
  seq: String(row.seq),
  hash: row.hash,
  occurredAt: new Date(row.occurred_at),
});

/** The ledger entry at `seq`, or null; read in the caller's transaction. */
export async function ledgerEntryAt(manager: EntityManager, seq: string): Promise<LedgerEntryPosition | null> {
  const [row] = (await manager.query(`SELECT seq, hash, occurred_at FROM ledger_entries WHERE seq = $1`, [
    seq,
  ])) as PositionRow[];
  return row ? toPosition(row) : null;
}

/** The newest ledger entry about any of the subjects (type → ids), optionally of one action only. */
export async function newestLedgerEntry(
  manager: EntityManager,
  subjects: Readonly<Record<string, readonly string[]>>,
  action?: string,
): Promise<LedgerEntryPosition | null> {
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
  )) as PositionRow[];
  return row ? toPosition(row) : null;
}

/** The seq (as text) of the newest entry of `action` about each subject of the type that has one, by subject id. */
export async function newestSeqOfEachSubject(
  manager: EntityManager,
  action: string,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = (await manager.query(
    `SELECT subject_id, max(seq)::text AS seq FROM ledger_entries
      WHERE action = $1 AND subject_type = $2 AND subject_id = ANY($3::text[])
      GROUP BY subject_id`,
    [action, subjectType, subjectIds],
  )) as { subject_id: string; seq: string }[];
  return new Map(rows.map((row) => [row.subject_id, row.seq]));
}
