import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum SignaturesErrorCode {
  PublicKeyInvalid = 'public_key_invalid',
  PublicKeyAlgorithmUnsupported = 'public_key_algorithm_unsupported',
  KeyAlreadyRegistered = 'signing_key_already_registered',
  ChallengeNotFound = 'signing_challenge_not_found',
  ChallengeExpired = 'signing_challenge_expired',
  ChallengeUsed = 'signing_challenge_used',
  ProofOfPossessionFailed = 'proof_of_possession_failed',
  KeyNotFound = 'signing_key_not_found',
  KeyNotYours = 'signing_key_not_yours',
  KeyRevoked = 'signing_key_revoked',
  KeyAlreadyRevoked = 'signing_key_already_revoked',
  SignatureMalformed = 'signature_malformed',
  SignatureInvalid = 'signature_invalid',
  DocumentChanged = 'document_digest_mismatch',
  AlreadySigned = 'document_already_signed',
  CapacityMissing = 'signer_capacity_missing',
}

const SIGNATURES_ERRORS: Record<SignaturesErrorCode, ErrorDefinition> = {
  [SignaturesErrorCode.PublicKeyInvalid]: { status: 422, title: 'The public key cannot be read' },
  [SignaturesErrorCode.PublicKeyAlgorithmUnsupported]: {
    status: 422,
    title: 'Only Ed25519 and ECDSA P-256 public keys are accepted',
  },
  [SignaturesErrorCode.KeyAlreadyRegistered]: { status: 409, title: 'This public key is already registered' },
  [SignaturesErrorCode.ChallengeNotFound]: { status: 404, title: 'No such signing challenge for you' },
  [SignaturesErrorCode.ChallengeExpired]: { status: 409, title: 'The signing challenge has expired' },
  [SignaturesErrorCode.ChallengeUsed]: { status: 409, title: 'The signing challenge has already been used' },
  [SignaturesErrorCode.ProofOfPossessionFailed]: {
    status: 422,
    title: 'The challenge signature does not verify with this public key',
  },
  [SignaturesErrorCode.KeyNotFound]: { status: 404, title: 'No such signing key' },
  [SignaturesErrorCode.KeyNotYours]: { status: 403, title: 'This signing key is not registered to you' },
  [SignaturesErrorCode.KeyRevoked]: { status: 409, title: 'This signing key is revoked and signs nothing new' },
  [SignaturesErrorCode.KeyAlreadyRevoked]: { status: 409, title: 'This signing key is already revoked' },
  [SignaturesErrorCode.SignatureMalformed]: {
    status: 422,
    title: 'The signature is not valid base64 of the right size',
  },
  [SignaturesErrorCode.SignatureInvalid]: {
    status: 422,
    title: "The signature does not verify over the document's canonical bytes with this key",
  },
  [SignaturesErrorCode.DocumentChanged]: {
    status: 409,
    title: 'The document changed since you fetched it: its digest is not the one you signed',
  },
  [SignaturesErrorCode.AlreadySigned]: { status: 409, title: 'You have already signed this document' },
  [SignaturesErrorCode.CapacityMissing]: {
    status: 403,
    title: 'You do not hold, today, the mandate this signature needs',
  },
};

export class SignaturesException extends DomainException<SignaturesErrorCode> {
  readonly definitions = SIGNATURES_ERRORS;

  static alreadySigned(): SignaturesException {
    return new SignaturesException(
      SignaturesErrorCode.AlreadySigned,
      'A document is signed once per person; your earlier signature stands.',
    );
  }
}

explainConstraint('uq_document_signatures_signer', () => SignaturesException.alreadySigned());
explainConstraint(
  'uq_signing_keys_fingerprint',
  () =>
    new SignaturesException(
      SignaturesErrorCode.KeyAlreadyRegistered,
      'A key is registered once; generate a new key pair to register another.',
    ),
);
