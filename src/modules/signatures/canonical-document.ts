import { canonicalJson, sha256Hex } from '../ledger';

/** A document in the form people sign: RFC 8785 canonical JSON (UTF-8) and its SHA-256. */
export interface CanonicalDocument {
  canonical: string;
  digest: string;
}

export function canonicalDocument(content: unknown): CanonicalDocument {
  const canonical = canonicalJson(content);
  return { canonical, digest: sha256Hex(Buffer.from(canonical, 'utf8')) };
}
