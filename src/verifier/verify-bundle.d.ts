// Types of verify-bundle.js, which stays plain JavaScript so that it runs with Node alone.
import type { SIGNED_BUNDLE_FORMAT as FORMAT } from '../modules/signatures/signed-bundle';

export interface CheckedCounts {
  documents: number;
  signatures: number;
  validSignatures: number;
  keys: number;
  mandates: number;
  delegations: number;
  ledgerEntries: number;
  references: number;
}

export interface SignatureResult {
  id: string;
  documentId: string;
  signerName: string;
  capacity: string;
  signedAt: string;
  valid: boolean;
}

/** The ledger entries the bundle carries: compare `lastHash` with the server's chain. */
export interface LedgerSegment {
  fromSeq: string;
  toSeq: string;
  firstPrevHash: string;
  lastHash: string;
}

export interface BundleVerification {
  valid: boolean;
  /** Every mismatch found, each naming what it is about (document, signature, key, ledger entry…). */
  problems: string[];
  checked: CheckedCounts;
  signatures: SignatureResult[];
  ledgerSegment: LedgerSegment | null;
}

export declare const SIGNED_BUNDLE_FORMAT: typeof FORMAT;

/** RFC 8785 canonical JSON, written independently of the server's `canonicalize` dependency. */
export declare function canonicalize(value: unknown): string;

/** Checks a parsed bundle without the server; never throws. */
export declare function verifyBundle(bundle: unknown): BundleVerification;

/** The human-readable report the command line prints. */
export declare function formatReport(bundle: unknown, result: BundleVerification): string;
