/**
 * The self-contained JSON a verifier needs to check signed documents without trusting the server
 * (`npm run verify-pledge -- bundle.json`, src/verifier/verify-bundle.js). Everything in it is
 * checkable: documents against their digests, signatures against the keys, keys against their
 * fingerprints, signers against their mandates at signing time, and the ledger entries that
 * recorded each signature against their hashes and links.
 */
export const SIGNED_BUNDLE_FORMAT = 'thidua.signed-bundle/1';

export interface BundleDocument {
  id: string;
  kind: string;
  subjectId: string;
  /** RFC 8785 canonical JSON: exactly the bytes signed. A document may list `references`
   * ([{ kind, digest }]) to other documents of the bundle that it covers (a seal lists the units'). */
  canonical: string;
  digest: string;
}

export interface BundleSignature {
  id: string;
  documentId: string;
  signerId: string;
  signerName: string;
  capacity: string;
  unitId: string | null;
  mandateId: string | null;
  delegationId: string | null;
  keyFingerprint: string;
  algorithm: string;
  signature: string;
  signedAt: string;
  ledgerSeq: string;
}

export interface BundleKey {
  fingerprint: string;
  userId: string;
  algorithm: string;
  publicKeyPem: string;
  registeredAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
}

export interface BundleMandate {
  id: string;
  userId: string;
  role: string;
  unitId: string | null;
  clusterId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface BundleDelegation {
  id: string;
  unitId: string;
  delegatorId: string;
  delegateId: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
}

export interface BundleLedgerEntry {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Null for entries of the segment that recorded none of the bundle's signatures (withheld). */
  payload: Record<string, unknown> | null;
  payloadDigest: string;
  prevHash: string;
  hash: string;
}

export interface SignedBundle {
  format: typeof SIGNED_BUNDLE_FORMAT;
  generatedAt: string;
  subject: { type: string; id: string };
  /** The document that covers the others (a seal), when there is one. */
  rootDocumentId: string | null;
  documents: BundleDocument[];
  signatures: BundleSignature[];
  keys: BundleKey[];
  mandates: BundleMandate[];
  delegations: BundleDelegation[];
  /** The contiguous ledger segment from the first entry that recorded a signature of the bundle to the last;
   * the payloads of the entries in between that recorded something else are withheld (null). */
  ledgerEntries: BundleLedgerEntry[];
}
