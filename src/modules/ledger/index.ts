// The ledger's front door (issue 14): what other modules may import from it.
export { LEDGER_ACTIONS, ALL_LEDGER_ACTIONS } from './ledger-actions';
export type { LedgerAction, LedgerActionOf, LedgerModule } from './ledger-actions';
export { LedgerService } from './ledger.service';
export type { LedgerEvent } from './ledger.service';
