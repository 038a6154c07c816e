/**
 * The plain data every record document is drawn from. Loaders fill these from the database;
 * renderers only lay them out, so a renderer can be tested (and a record re-drawn) from data alone.
 */

/** A unit or a cluster as a record names it. */
export interface RecordParty {
  code: string;
  name: string;
}

/** An entry of the audit ledger: its position in the chain, its hash and when it was written. */
export interface LedgerPosition {
  seq: string;
  hash: string;
  /** ISO 8601. */
  occurredAt: string;
}

/**
 * What a reader checks a printed record against.
 * - `seal_document`, `signed_document`: the SHA-256 of the signed canonical document, as in the
 *   signed bundle and the ledger payload;
 * - `unsigned_document`: the SHA-256 of the canonical document offered for signing, nobody signed yet;
 * - `content`: the SHA-256 of the RFC 8785 JSON of the data the record prints (docs/records.md).
 */
export type RecordDigestOf = 'seal_document' | 'signed_document' | 'unsigned_document' | 'content';

export interface RecordSeal {
  /** SHA-256, hex. */
  digest: string;
  digestOf: RecordDigestOf;
  /** Sealed: the ledger entry that sealed the record. Not sealed: the newest entry the data reflects. */
  ledger: LedgerPosition | null;
  sealed: boolean;
  /** What the footer says of a record not sealed, e.g. "CHƯA CHỨNG NHẬN"; default "CHƯA NIÊM PHONG". */
  pendingLabel?: string;
  /** A final record's page on the public verifier, `<PUBLIC_BASE_URL>/verify/<digest>`: the footer's last line. */
  verifyUrl?: string;
}

/** One signature as a record prints it. */
export interface RecordSigner {
  name: string;
  /** `unit_head`, `cluster_leader_head`, `secretariat`, `counting_board`… (see capacityLabel). */
  capacity: string;
  /** The unit the person signed for, when the capacity is a unit's. */
  unitName: string | null;
  /** Signed under an approval delegation from the unit's head. */
  delegated: boolean;
  algorithm: string;
  /** SHA-256 (hex) of the key's SPKI DER encoding. */
  keyFingerprint: string;
  keyRevokedAt: string | null;
  /** ISO 8601. */
  signedAt: string;
  ledgerSeq: string;
}

/** Common to every record: the cluster it belongs to and the instant the PDF is dated by. */
export interface RecordFrame {
  cluster: RecordParty;
  /**
   * The record's own time (its seal, its last approval, or the newest ledger entry it reflects),
   * ISO 8601: the PDF's creation date, never "now", so the same data always gives the same bytes.
   */
  issuedAt: string;
  seal: RecordSeal;
}
