import type { EntityManager } from 'typeorm';
import {
  ledgerEntryAt as ledgerEntryPositionAt,
  type LedgerEntryPosition,
  newestLedgerEntry as newestLedgerEntryPosition,
} from '../ledger';
import { signaturesOfDocuments } from '../signatures';
import type { LedgerPosition, RecordSigner } from './record-parts';

// Reading what every record is made of: signatures with their keys, and ledger positions.

/** A ledger entry's position as a record prints it (the time in ISO 8601). */
const toLedgerPosition = (entry: LedgerEntryPosition): LedgerPosition => ({
  seq: entry.seq,
  hash: entry.hash,
  occurredAt: entry.occurredAt.toISOString(),
});

/** The signers of each of the given signed documents, oldest first, as a record prints them. */
export async function signersOf(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, RecordSigner[]>> {
  const summaries = await signaturesOfDocuments(manager, documentIds);
  return new Map(
    [...summaries].map(([documentId, signatures]) => [
      documentId,
      signatures.map((signature) => ({
        name: signature.signerName,
        capacity: signature.capacity,
        unitName: signature.unitName,
        delegated: signature.delegationId !== null,
        algorithm: signature.algorithm,
        keyFingerprint: signature.keyFingerprint,
        keyRevokedAt: signature.keyRevokedAt,
        signedAt: signature.signedAt,
        ledgerSeq: signature.ledgerSeq,
      })),
    ]),
  );
}

/** The ledger entry at `seq`. */
export async function ledgerEntryAt(manager: EntityManager, seq: string): Promise<LedgerPosition | null> {
  const entry = await ledgerEntryPositionAt(manager, seq);
  return entry ? toLedgerPosition(entry) : null;
}

/** The newest ledger entry about any of the subjects (type → ids), optionally of one action only. */
export async function newestLedgerEntry(
  manager: EntityManager,
  subjects: Readonly<Record<string, readonly string[]>>,
  action?: string,
): Promise<LedgerPosition | null> {
  const entry = await newestLedgerEntryPosition(manager, subjects, action);
  return entry ? toLedgerPosition(entry) : null;
}
