import { createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SigningAlgorithm } from './signing-key.entity';
import { SignaturesErrorCode, SignaturesException } from './signatures.exception';

/** A public key as we store it: SPKI PEM, its algorithm and its fingerprint. */
export interface ParsedPublicKey {
  algorithm: SigningAlgorithm;
  publicKeyPem: string;
  /** SHA-256 (hex) of the SPKI DER encoding. */
  fingerprint: string;
}

/** Reads an SPKI PEM string or a public JWK; refuses private keys and other algorithms. */
export function parsePublicKey(input: string | JsonWebKey): ParsedPublicKey {
  // Node derives a public key from a private PEM or a certificate too: accept only SPKI PEM.
  if (typeof input === 'string' && !/^\s*-----BEGIN PUBLIC KEY-----/.test(input)) {
    throw new SignaturesException(
      SignaturesErrorCode.PublicKeyInvalid,
      /PRIVATE KEY-----/.test(input)
        ? 'That PEM holds a private key: send only the public key (openssl pkey -in key.pem -pubout), and keep the private key to yourself.'
        : 'Send the public key as SPKI PEM ("-----BEGIN PUBLIC KEY-----") or as a public JWK.',
    );
  }
  let key: KeyObject;
  try {
    key =
      typeof input === 'string'
        ? createPublicKey({ key: input, format: 'pem' })
        : createPublicKey({ key: input, format: 'jwk' });
  } catch {
    throw new SignaturesException(
      SignaturesErrorCode.PublicKeyInvalid,
      'Send the public key as SPKI PEM ("-----BEGIN PUBLIC KEY-----") or as a public JWK.',
    );
  }
  if (typeof input !== 'string' && 'd' in input) {
    throw new SignaturesException(
      SignaturesErrorCode.PublicKeyInvalid,
      'That JWK holds a private key: send only the public part, and keep the private key to yourself.',
    );
  }
  const algorithm = algorithmOf(key);
  const der = key.export({ type: 'spki', format: 'der' });
  return {
    algorithm,
    publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

function algorithmOf(key: KeyObject): SigningAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256';
  throw new SignaturesException(
    SignaturesErrorCode.PublicKeyAlgorithmUnsupported,
    `The key is ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` (${key.asymmetricKeyDetails.namedCurve})` : ''}; register an Ed25519 or an ECDSA P-256 key.`,
  );
}

/** The signature's bytes from base64 (or base64url); refuses what cannot be a signature of the algorithm. */
export function decodeSignature(algorithm: SigningAlgorithm, signature: string): Buffer {
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(signature) ? Buffer.from(signature, 'base64') : Buffer.alloc(0);
  // Ed25519 signatures are 64 bytes; ECDSA P-256 is 64 bytes r‖s (IEEE P1363) or a DER sequence of 8–72.
  const sizeOk = algorithm === 'ed25519' ? bytes.length === 64 : bytes.length >= 8 && bytes.length <= 72;
  if (!sizeOk) {
    throw new SignaturesException(
      SignaturesErrorCode.SignatureMalformed,
      algorithm === 'ed25519'
        ? 'An Ed25519 signature is 64 bytes, sent as base64.'
        : 'An ECDSA P-256 signature is DER (as openssl writes it) or 64 bytes r‖s, sent as base64.',
    );
  }
  return bytes;
}

/**
 * Verifies a signature over `data` itself: pure Ed25519, or ECDSA P-256 with SHA-256 — exactly
 * what `openssl pkeyutl -sign -rawin` and `openssl dgst -sha256 -sign` produce over the same bytes.
 */
export function verifySignature(algorithm: SigningAlgorithm, publicKeyPem: string, data: Buffer, signature: Buffer) {
  const key = createPublicKey(publicKeyPem);
  if (algorithm === 'ed25519') return verify(null, data, key, signature);
  // 64 bytes is r‖s as WebCrypto writes it, or (rarely) a DER sequence of that length: try both.
  const encodings = signature.length === 64 ? (['ieee-p1363', 'der'] as const) : (['der'] as const);
  return encodings.some((dsaEncoding) => {
    try {
      return verify('sha256', data, { key, dsaEncoding }, signature);
    } catch {
      return false;
    }
  });
}
