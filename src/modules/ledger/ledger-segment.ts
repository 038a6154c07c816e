import { Between, type EntityManager } from 'typeorm';
import { LedgerEntry } from './ledger-entry.entity';

/** An entry of the ledger as other modules read it: every stored field. */
export type LedgerRecord = Omit<LedgerEntry, 'scope'>;

/** The entries from `firstSeq` to `lastSeq` (both included), in order; read in the caller's transaction. */
export function ledgerEntriesBetween(
  manager: EntityManager,
  firstSeq: string,
  lastSeq: string,
): Promise<LedgerRecord[]> {
  return manager.find(LedgerEntry, { where: { seq: Between(firstSeq, lastSeq) }, order: { seq: 'ASC' } });
}
