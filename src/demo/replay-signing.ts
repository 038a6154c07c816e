import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { ThiduaClient } from '../api-client';
import type { ApiResult, ReplaySession } from './replay-client';

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

  const challenge = await person.call((api) => api.POST('/api/v1/me/signing-keys/challenges'), 201);
  const key = await person.call(
    (api) =>
      api.POST('/api/v1/me/signing-keys', {
        body: {
          publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          challengeId: challenge.id,
          challengeSignature: signText(privateKey, challenge.challenge),
          label,
        },
      }),
    201,
  );
  return {
    keyId: key.id,
    fingerprint: key.fingerprint,
    algorithm: key.algorithm,
    sign: (text) => signText(privateKey, text),
  };
}

/** What every signature route takes: the digest of the bytes signed, the key, the signature. */
export interface SignatureBody {
  digest: string;
  signingKeyId: string;
  signature: string;
}

/**
 * Fetches a document to sign (`{canonical, digest}`) with `document`, signs its canonical bytes and
 * posts the signature with `sign`: both typed calls of the generated client.
 */
export async function signDocument<T>(
  person: ReplaySession,
  signer: ReplaySigner,
  document: (api: ThiduaClient) => Promise<ApiResult<{ canonical: string; digest: string }>>,
  sign: (api: ThiduaClient, body: SignatureBody) => Promise<ApiResult<T>>,
  expected?: number,
): Promise<T> {
  const { canonical, digest } = await person.call(document, 200);
  const body = { digest, signingKeyId: signer.keyId, signature: signer.sign(canonical) };
  return person.call((api) => sign(api, body), expected);
}
