import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API, type TestApp } from './test-app';

/** A key a test person holds: its registered id and fingerprint, and how it signs bytes (base64 out). */
export interface TestSigner {
  keyId: string;
  fingerprint: string;
  algorithm: string;
  sign(text: string): string;
  dispose(): void;
}

export type TestKeyKind = 'ed25519' | 'p256' | 'openssl-ed25519';

/** A key pair generated with Node's crypto; P-256 signs with SHA-256 (DER), as openssl does. */
function nodeKey(kind: 'ed25519' | 'p256') {
  const { publicKey, privateKey } =
    kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signText = (privateKeyObject: KeyObject, text: string) =>
    sign(kind === 'ed25519' ? null : 'sha256', Buffer.from(text, 'utf8'), privateKeyObject).toString('base64');
  return {
    // P-256 goes as a JWK, Ed25519 as PEM: both forms the API accepts.
    publicKey:
      kind === 'p256' ? publicKey.export({ format: 'jwk' }) : publicKey.export({ type: 'spki', format: 'pem' }),
    sign: (text: string) => signText(privateKey, text),
    dispose: () => undefined,
  };
}

/** A key pair that only the stock `openssl` command line ever touches: generated, exported and used by it. */
function opensslKey() {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-openssl-'));
  const keyFile = join(dir, 'k.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', keyFile]);
  const publicKey = execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout']).toString();
  let count = 0;
  return {
    publicKey,
    sign(text: string) {
      count += 1;
      const input = join(dir, `message-${count}.txt`);
      const output = join(dir, `signature-${count}.bin`);
      writeFileSync(input, text, 'utf8');
      execFileSync('openssl', ['pkeyutl', '-sign', '-rawin', '-inkey', keyFile, '-in', input, '-out', output]);
      return readFileSync(output).toString('base64');
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Registers a new key for the signed-in person `email`, with the proof of possession over a fresh challenge. */
export async function registerTestKey(t: TestApp, email: string, kind: TestKeyKind): Promise<TestSigner> {
  const auth = { Authorization: await t.bearer(email) };
  const key = kind === 'openssl-ed25519' ? opensslKey() : nodeKey(kind);
  const challenge = await t.http.post(`${API}/me/signing-keys/challenges`).set(auth);
  if (challenge.status !== 201) throw new Error(`Challenge for ${email}: ${challenge.status}`);
  const registered = await t.http
    .post(`${API}/me/signing-keys`)
    .set(auth)
    .send({
      publicKey: key.publicKey,
      challengeId: challenge.body.id,
      challengeSignature: key.sign(challenge.body.challenge as string),
      label: `${kind} key of ${email}`,
    });
  if (registered.status !== 201) {
    throw new Error(`Key registration for ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  return {
    keyId: registered.body.id,
    fingerprint: registered.body.fingerprint,
    algorithm: registered.body.algorithm,
    sign: key.sign,
    dispose: key.dispose,
  };
}
