// Types of verify-bundle.js, which stays plain JavaScript so that it runs with Node alone.
import type { SIGNED_BUNDLE_FORMAT as FORMAT } from '../modules/signatures/signed-bundle';
import type { BundleVerification, VerifierCrypto } from './verify-bundle-core';

export type {
  BundleIssue,
  BundleIssueKind,
  BundleVerification,
  CheckedCounts,
  LedgerSegment,
  SignatureResult,
} from './verify-bundle-core';

export declare const SIGNED_BUNDLE_FORMAT: typeof FORMAT;

/** RFC 8785 canonical JSON, written independently of the server's `canonicalize` dependency. */
export declare function canonicalize(value: unknown): string;

/** Node's crypto as the core's primitives. */
export declare const nodeCrypto: VerifierCrypto;

/** Checks a parsed bundle without the server, with Node's crypto; never rejects. */
export declare function verifyBundle(bundle: unknown): Promise<BundleVerification>;

/** The human-readable report the command line prints. */
export declare function formatReport(bundle: unknown, result: BundleVerification): string;
