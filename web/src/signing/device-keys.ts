/**
 * Signing keys made on this device (docs/portal/keys.md): WebCrypto generates the pair with a
 * NON-extractable private key, which IndexedDB keeps for this site (a CryptoKey is structured-
 * cloneable, so the browser stores the key without ever exposing its bytes). Only the public half
 * leaves the device, as SPKI PEM. Ed25519 where the browser has it, else ECDSA P-256, whose
 * WebCrypto signature (64 bytes r‖s, IEEE P1363) the API accepts as is (signature-crypto.ts).
 */
export type DeviceAlgorithm = 'ed25519' | 'ecdsa-p256';

export interface DeviceKey {
  /** The registered key's id (`SigningKeyResponseDto.id`). */
  keyId: string;
  userId: string;
  algorithm: DeviceAlgorithm;
  fingerprint: string;
  privateKey: CryptoKey;
}

export interface GeneratedPair {
  algorithm: DeviceAlgorithm;
  privateKey: CryptoKey;
  publicKeyPem: string;
}

const DB_NAME = 'thidua-signing';
const STORE = 'keys';

/** Ed25519 if this browser generates it, else ECDSA P-256 (feature-detected by generating). */
export async function generateDeviceKeyPair(): Promise<GeneratedPair> {
  let algorithm: DeviceAlgorithm = 'ed25519';
  let pair: CryptoKeyPair;
  try {
    pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch {
    algorithm = 'ecdsa-p256';
    pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  }
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { algorithm, privateKey: pair.privateKey, publicKeyPem: pemOf(spki) };
}

/** Base64 signature over the UTF-8 bytes of `text`, as every signature route takes it. */
export async function signText(key: Pick<DeviceKey, 'algorithm' | 'privateKey'>, text: string): Promise<string> {
  const params = key.algorithm === 'ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signature = await crypto.subtle.sign(params, key.privateKey, new TextEncoder().encode(text));
  return base64Of(new Uint8Array(signature));
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** SPKI DER as the PEM the API stores (`-----BEGIN PUBLIC KEY-----`, 64 characters a line). */
export function pemOf(spki: Uint8Array): string {
  const lines = base64Of(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'keyId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** The keys this device holds for `userId` (another person's on a shared computer stay theirs). */
export async function deviceKeysOf(userId: string): Promise<DeviceKey[]> {
  const all = await transact<DeviceKey[]>('readonly', (store) => store.getAll() as IDBRequest<DeviceKey[]>);
  return all.filter((key) => key.userId === userId);
}

export function saveDeviceKey(key: DeviceKey): Promise<IDBValidKey> {
  return transact('readwrite', (store) => store.put(key));
}

export async function forgetDeviceKey(keyId: string): Promise<void> {
  await transact('readwrite', (store) => store.delete(keyId));
}
