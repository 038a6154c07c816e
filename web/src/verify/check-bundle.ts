// The same rules as `npm run verify-pledge`, with the browser's WebCrypto (decision 036): the core
// is imported from the service's source, never copied.
import { verifyBundle } from '../../../src/verifier/verify-bundle-webcrypto.js';
import type { BundleIssue, BundleVerification } from '../../../src/verifier/verify-bundle-core.js';

export type { BundleIssue, BundleVerification };

/** Where the bundle being checked came from, as the page says it. */
export type BundleSource = { kind: 'file'; name: string } | { kind: 'pasted' } | { kind: 'digest'; digest: string };

export interface CheckedBundle {
  source: BundleSource;
  bundle: unknown;
  result: BundleVerification;
}

/** Checks a parsed bundle in the browser; never rejects. */
export async function checkBundle(source: BundleSource, bundle: unknown): Promise<CheckedBundle> {
  return { source, bundle, result: await verifyBundle(bundle) };
}

export const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

/** A digest as typed or pasted: spaces and case do not matter. */
export function normalizeDigest(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
