// The ledger's front door (issue 14): what other modules may import from it.
export {
  ALL_LEDGER_ACTIONS,
  LEDGER_ACTIONS,
  type LedgerAction,
  type LedgerActionOf,
  type LedgerModule,
} from './ledger-actions';
export { type LedgerEvent, LedgerService } from './ledger.service';
export { canonicalJson, sha256Hex } from './ledger-hash';
export type { LedgerReader, LedgerReaderLoader } from './ledger-reader';
export { ledgerEntriesBetween, type LedgerRecord } from './ledger-segment';
export { ledgerEntryAt, type LedgerEntryPosition, newestLedgerEntry, newestSeqOfEachSubject } from './ledger-positions';
