import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers, in the form they are hashed. */
export interface HashedEntryFields {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payloadDigest: string;
  prevHash: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 8785 (JCS) encoding: the same value always gives the same bytes, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const encoded = canonicalize(value);
  if (encoded === undefined) throw new Error('Value cannot be canonicalised');
  return encoded;
}

export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

export function entryHash(fields: HashedEntryFields): string {
  return sha256Hex(canonicalJson(fields));
}
