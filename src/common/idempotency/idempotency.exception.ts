import { DomainException, type ErrorDefinition } from '../errors/domain.exception';

/** The answers of the `Idempotency-Key` header (IETF draft httpapi-idempotency-key-header). */
export enum IdempotencyErrorCode {
  KeyInvalid = 'idempotency_key_invalid',
  KeyReused = 'idempotency_key_reused',
  KeyInProgress = 'idempotency_key_in_progress',
}

const IDEMPOTENCY_ERRORS: Record<IdempotencyErrorCode, ErrorDefinition> = {
  [IdempotencyErrorCode.KeyInvalid]: { status: 400, title: 'The Idempotency-Key header is not valid' },
  [IdempotencyErrorCode.KeyReused]: {
    status: 422,
    title: 'This Idempotency-Key was already used for another request',
  },
  [IdempotencyErrorCode.KeyInProgress]: {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
};

export class IdempotencyException extends DomainException<IdempotencyErrorCode> {
  readonly definitions = IDEMPOTENCY_ERRORS;

  static invalid(): IdempotencyException {
    return new IdempotencyException(
      IdempotencyErrorCode.KeyInvalid,
      'Send one Idempotency-Key of 1 to 255 printable ASCII characters (a random UUID is best), bare or as a ' +
        'quoted string.',
    );
  }

  static reused(): IdempotencyException {
    return new IdempotencyException(
      IdempotencyErrorCode.KeyReused,
      'You sent this key earlier with another route or body. Use a new key for a new request; a retry sends ' +
        'exactly the same request again.',
    );
  }

  static inProgress(): IdempotencyException {
    return new IdempotencyException(
      IdempotencyErrorCode.KeyInProgress,
      'The first request with this key has not finished yet; retry in a moment to get its answer.',
    );
  }
}
