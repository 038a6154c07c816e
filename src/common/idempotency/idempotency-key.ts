import { createHash } from 'node:crypto';
import { IdempotencyException } from './idempotency.exception';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

const BARE = /^[\x21-\x7e]+$/;
const QUOTED = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;

/**
 * The key as sent: the draft's structured-field string (`"8e03978e-…"`, RFC 8941) or, as most
 * clients send it, the bare token. Printable ASCII, 1 to 255 characters; else 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string {
  if (typeof header !== 'string') throw IdempotencyException.invalid();
  const value = header.trim();
  const quoted = QUOTED.exec(value);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : BARE.test(value) ? value : null;
  if (!key || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw IdempotencyException.invalid();
  return key;
}

/** JSON with every object's keys sorted: the same body in another key order has the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .filter((key) => object[key] !== undefined)
      .map((key) => [key, sortKeys(object[key])]),
  );
}

/**
 * What makes two requests "the same" for a key: the method, the path with its query string and
 * the canonical body, hashed. A multipart body is streamed into the handler and is not read here:
 * it counts as empty, so only the route tells two uploads apart (docs/api.md).
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(method.toUpperCase())
    .update('\n')
    .update(url)
    .update('\n')
    .update(canonicalJson(body))
    .digest('hex');
}
