import type { EntityManager } from 'typeorm';

/** The ledger entry (seq, as text) that recorded each of these signatures, by signature id. */
export async function signatureLedgerSeqs(
  manager: EntityManager,
  signatureIds: readonly string[],
): Promise<Map<string, string>> {
  if (signatureIds.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, ledger_seq FROM document_signatures WHERE id = ANY($1::uuid[])`, [
    [...new Set(signatureIds)],
  ])) as { id: string; ledger_seq: string | number }[];
  return new Map(rows.map((row) => [row.id, String(row.ledger_seq)]));
}
