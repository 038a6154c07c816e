import { api, unwrap } from '../api/client';
import { generateDeviceKeyPair, saveDeviceKey, signText } from './device-keys';

/**
 * Makes a key on this device and registers it with the proof of possession the API requires
 * (docs/signatures.md "Keys"): a one-time challenge, signed as served with the new private key, sent
 * with the public key. The private key is stored only once the API accepted it.
 */
export async function createDeviceKey(userId: string, label: string) {
  const pair = await generateDeviceKeyPair();
  const challenge = await unwrap(
    api.POST('/api/v1/me/signing-keys/challenges', {
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
    }),
  );
  const key = await unwrap(
    api.POST('/api/v1/me/signing-keys', {
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
      body: {
        publicKey: pair.publicKeyPem,
        challengeId: challenge.id,
        challengeSignature: await signText(pair, challenge.challenge),
        label,
      },
    }),
  );
  await saveDeviceKey({
    keyId: key.id,
    userId,
    algorithm: pair.algorithm,
    fingerprint: key.fingerprint,
    privateKey: pair.privateKey,
  });
  return key;
}
