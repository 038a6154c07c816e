import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { ReplaySession } from './replay-client';

/** A key a person of the replay holds: the private half never leaves this process. */
export interface ReplaySigner {
  keyId: string;
  fingerprint: string;
  algorithm: string;
  /** Base64 signature over the UTF-8 bytes of `text`, as the signature routes take it. */
  sign(text: string): string;
}

export type ReplayKeyKind = 'ed25519' | 'p256';

/**
 * Generates a key pair with Node's crypto and registers its public half on the caller's account:
 * ask for a challenge, sign it with the new key (proof of possession), send the key with the
 * proof. Ed25519 signs the bytes themselves; P-256 signs their SHA-256 (DER), as openssl does.
 */
export async function registerSigningKey(
  person: ReplaySession,
  kind: ReplayKeyKind,
  label: string,
): Promise<ReplaySigner> {
  const { publicKey, privateKey } =
    kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signText = (key: KeyObject, text: string) =>
    sign(kind === 'ed25519' ? null : 'sha256', Buffer.from(text, 'utf8'), key).toString('base64');

  const challenge = await person.post<{ id: string; challenge: string }>('/me/signing-keys/challenges', {}, 201);
  const key = await person.post<{ id: string; fingerprint: string; algorithm: string }>(
    '/me/signing-keys',
    {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      challengeId: challenge.id,
      challengeSignature: signText(privateKey, challenge.challenge),
      label,
    },
    201,
  );
  return {
    keyId: key.id,
    fingerprint: key.fingerprint,
    algorithm: key.algorithm,
    sign: (text) => signText(privateKey, text),
  };
}

/** Fetches a document to sign (`{canonical, digest}`), signs its canonical bytes, posts the signature. */
export async function signDocument<T>(
  person: ReplaySession,
  signer: ReplaySigner,
  documentPath: string,
  signaturePath: string,
  expected?: number,
): Promise<T> {
  const document = await person.get<{ canonical: string; digest: string }>(documentPath, 200);
  return person.post<T>(
    signaturePath,
    { digest: document.digest, signingKeyId: signer.keyId, signature: signer.sign(document.canonical) },
    expected,
  );
}
