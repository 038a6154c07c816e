import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { TestApp } from './test-app';

export interface TestSigningKey {
  id: string;
  fingerprint: string;
  /** Base64 Ed25519 signature over the canonical bytes, as a signer's own software would make it. */
  sign(canonical: string): string;
}

/**
 * A signing key written STRAIGHT INTO `signing_keys` for a test user. The HTTP routes that register
 * keys (with a proof of possession) live on main and are not merged into this branch yet: once
 * they are, tests should register keys through them instead of using this helper. The row is what
 * registration stores: algorithm, SPKI PEM, fingerprint = SHA-256 (hex) of the SPKI DER.
 */
export async function insertSigningKeyDirectly(t: TestApp, userId: string): Promise<TestSigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const [row] = (await t.dataSource.query(
    `INSERT INTO signing_keys (user_id, algorithm, public_key_pem, fingerprint, label)
     VALUES ($1, 'ed25519', $2, $3, 'test key (inserted directly)') RETURNING id`,
    [userId, publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint],
  )) as { id: string }[];
  return {
    id: row.id,
    fingerprint,
    sign: (canonical) => sign(null, Buffer.from(canonical, 'utf8'), privateKey).toString('base64'),
  };
}
