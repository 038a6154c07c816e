import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum LedgerErrorCode {
  NotInTransaction = 'ledger_not_in_transaction',
}

const LEDGER_ERRORS: Record<LedgerErrorCode, ErrorDefinition> = {
  [LedgerErrorCode.NotInTransaction]: {
    status: 500,
    title: 'A ledger entry must be written with the change it records',
  },
};

export class LedgerException extends DomainException<LedgerErrorCode> {
  readonly definitions = LEDGER_ERRORS;
}
