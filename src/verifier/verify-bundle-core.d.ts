// Types of verify-bundle-core.js, which stays plain JavaScript so that Node runs it with no build step
// and the web app bundles the same file (decision 036).

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

/** One problem as data: what kind of mismatch, and the ids, times and values it is about. */
export interface BundleIssue {
  kind: BundleIssueKind;
  params: Record<string, string>;
}

export type BundleIssueKind =
  | 'not_object'
  | 'wrong_format'
  | 'list_missing'
  | 'item_not_object'
  | 'duplicate'
  | 'no_signature'
  | 'root_missing'
  | 'root_unsigned'
  | 'document_no_text'
  | 'document_digest_mismatch'
  | 'document_not_canonical'
  | 'document_not_json'
  | 'key_unreadable'
  | 'key_fingerprint_mismatch'
  | 'key_algorithm_mismatch'
  | 'key_revoked_at_invalid'
  | 'ledger_gap'
  | 'ledger_seq_invalid'
  | 'ledger_payload_mismatch'
  | 'ledger_hash_mismatch'
  | 'ledger_unhashable'
  | 'ledger_link_broken'
  | 'signed_at_invalid'
  | 'signature_document_missing'
  | 'signature_document_altered'
  | 'signature_key_missing'
  | 'signature_key_invalid'
  | 'signature_algorithm_mismatch'
  | 'signature_key_not_signers'
  | 'signature_after_revocation'
  | 'signature_does_not_verify'
  | 'capacity_unknown'
  | 'capacity_without_mandate'
  | 'delegation_without_mandate'
  | 'mandate_missing'
  | 'mandate_not_covering'
  | 'mandate_not_head'
  | 'mandate_not_secretariat'
  | 'mandate_not_signers'
  | 'delegation_missing'
  | 'delegation_not_to_signer'
  | 'delegation_not_from_holder'
  | 'delegation_other_unit'
  | 'delegation_not_covering'
  | 'delegation_revoked'
  | 'ledger_record_missing'
  | 'ledger_record_withheld'
  | 'ledger_record_other_actor'
  | 'ledger_record_differs'
  | 'reference_not_object'
  | 'reference_missing'
  | 'reference_unsigned'
  | 'reference_not_unit_head';

export interface BundleVerification {
  valid: boolean;
  /** Every mismatch found, each naming what it is about (document, signature, key, ledger entry…). */
  problems: string[];
  /** The same problems as data, in the same order, for a reader in another language. */
  issues: BundleIssue[];
  checked: CheckedCounts;
  signatures: SignatureResult[];
  ledgerSegment: LedgerSegment | null;
}

/** A public key as a platform read it. */
export interface PublicKeyInfo {
  /** `ed25519`, `ecdsa-p256`, or null for a key of any other kind. */
  algorithm: string | null;
  /** The kind of key, as Node names it (`ed25519`, `ec`, `rsa`…). */
  type: string;
  /** Its SPKI DER, as the platform encodes it: the fingerprint is its SHA-256. */
  spki: Uint8Array;
  handle: unknown;
}

/** The cryptography the rules need, from Node or from WebCrypto. */
export interface VerifierCrypto {
  sha256Hex(data: Uint8Array): Promise<string>;
  /** Null for what is not an SPKI public key. */
  readPublicKey(pem: string): Promise<PublicKeyInfo | null>;
  /** Never throws: false for a signature that does not verify or cannot be read. */
  verify(algorithm: string, key: PublicKeyInfo, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export declare const SIGNED_BUNDLE_FORMAT: 'thidua.signed-bundle/1';
export declare const HEAD_CAPACITIES: string[];

/** RFC 8785 canonical JSON, written independently of the server's `canonicalize` dependency. */
export declare function canonicalize(value: unknown): string;

/** Base64 or base64url to bytes, as Node's Buffer reads them. */
export declare function base64Bytes(text: string): Uint8Array;

/** Checks a parsed bundle without the server; never rejects. */
export declare function verifyBundle(bundle: unknown, crypto: VerifierCrypto): Promise<BundleVerification>;
