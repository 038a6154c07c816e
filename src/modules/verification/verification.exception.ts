import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum VerificationErrorCode {
  DigestInvalid = 'record_digest_invalid',
  RecordNotFound = 'final_record_not_found',
}

const VERIFICATION_ERRORS: Record<VerificationErrorCode, ErrorDefinition> = {
  [VerificationErrorCode.DigestInvalid]: { status: 400, title: 'A record digest is 64 hexadecimal digits' },
  [VerificationErrorCode.RecordNotFound]: { status: 404, title: 'No final record has this digest' },
};

export class VerificationException extends DomainException<VerificationErrorCode> {
  readonly definitions = VERIFICATION_ERRORS;

  static digestInvalid(): VerificationException {
    return new VerificationException(
      VerificationErrorCode.DigestInvalid,
      'The digest is the SHA-256 printed on the record: 64 hexadecimal digits (0-9, a-f).',
    );
  }

  /** Drafts, records not yet final and unknown digests are answered alike: nothing about them is public. */
  static recordNotFound(digest: string): VerificationException {
    return new VerificationException(
      VerificationErrorCode.RecordNotFound,
      'No sealed pledge, certified counting record or completed flag handover has this digest.',
      { digest },
    );
  }
}
