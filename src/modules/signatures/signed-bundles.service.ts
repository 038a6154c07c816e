import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { delegationRecords, type DelegationRecord } from '../approvals';
import { ledgerEntriesBetween, type LedgerRecord } from '../ledger';
import { mandateRecords, type MandateRecord } from '../mandates';
import { userNames } from '../users';
import { DocumentSignature } from './document-signature.entity';
import {
  SIGNED_BUNDLE_FORMAT,
  type BundleDelegation,
  type BundleDocument,
  type BundleKey,
  type BundleLedgerEntry,
  type BundleMandate,
  type BundleSignature,
  type SignedBundle,
} from './signed-bundle';
import { SignedDocument } from './signed-document.entity';
import { SigningKey } from './signing-key.entity';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];

/**
 * Builds the self-contained bundle a verifier checks offline (src/verifier/verify-bundle.js):
 * the documents, every signature over them, the keys, mandates and delegations those signatures
 * rest on, and the contiguous ledger segment that recorded them. The owning module decides which
 * documents belong to its subject and who may download the bundle.
 */
@Injectable()
export class SignedBundles {
  async build(
    manager: EntityManager,
    subject: { type: string; id: string },
    documentIds: string[],
    rootDocumentId: string | null,
  ): Promise<SignedBundle> {
    const ids = unique(documentIds);
    const documents = ids.length ? await manager.find(SignedDocument, { where: { id: In(ids) } }) : [];
    documents.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const signatures = ids.length
      ? await manager.find(DocumentSignature, {
          where: { documentId: In(ids) },
          order: { signedAt: 'ASC', ledgerSeq: 'ASC' },
        })
      : [];

    const keys = await this.findByIds(manager, SigningKey, unique(signatures.map((s) => s.signingKeyId)));
    const signerIds = unique(signatures.map((s) => s.signerId));
    const nameOf = await userNames(manager, signerIds);
    const delegations = await delegationRecords(manager, unique(signatures.map((s) => s.delegationId)));
    // Under a delegation the signature's mandate is already the delegating head's.
    const mandates = await mandateRecords(manager, unique(signatures.map((s) => s.mandateId)));
    const keyById = new Map(keys.map((key) => [key.id, key]));

    return {
      format: SIGNED_BUNDLE_FORMAT,
      generatedAt: new Date().toISOString(),
      subject: { type: subject.type, id: subject.id },
      rootDocumentId,
      documents: documents.map(toBundleDocument),
      signatures: signatures.map((signature) =>
        toBundleSignature(signature, keyById.get(signature.signingKeyId)!, nameOf.get(signature.signerId) ?? ''),
      ),
      keys: keys.sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)).map(toBundleKey),
      mandates: mandates.sort((a, b) => a.id.localeCompare(b.id)).map(toBundleMandate),
      delegations: delegations.sort((a, b) => a.id.localeCompare(b.id)).map(toBundleDelegation),
      ledgerEntries: await this.ledgerSegment(
        manager,
        signatures.map((s) => BigInt(s.ledgerSeq)),
      ),
    };
  }

  /**
   * Every entry from the first to the last that recorded a signature, so the links can be checked.
   * Entries about other things keep only their hashed fields: the entry hash covers the payload's
   * digest, not the payload, so the chain still verifies without showing what those entries say.
   */
  private async ledgerSegment(manager: EntityManager, seqs: bigint[]): Promise<BundleLedgerEntry[]> {
    if (seqs.length === 0) return [];
    const min = seqs.reduce((a, b) => (b < a ? b : a));
    const max = seqs.reduce((a, b) => (b > a ? b : a));
    const entries = await ledgerEntriesBetween(manager, min.toString(), max.toString());
    const recording = new Set(seqs.map(String));
    return entries.map((entry) => toBundleLedgerEntry(entry, recording.has(String(entry.seq))));
  }

  private async findByIds<T extends { id: string }>(
    manager: EntityManager,
    entity: new () => T,
    ids: string[],
  ): Promise<T[]> {
    if (ids.length === 0) return [];
    return manager.getRepository<T>(entity).createQueryBuilder('row').where('row.id IN (:...ids)', { ids }).getMany();
  }
}

function toBundleDocument(document: SignedDocument): BundleDocument {
  return {
    id: document.id,
    kind: document.kind,
    subjectId: document.subjectId,
    canonical: document.canonical,
    digest: document.digest,
  };
}

function toBundleSignature(signature: DocumentSignature, key: SigningKey, signerName: string): BundleSignature {
  return {
    id: signature.id,
    documentId: signature.documentId,
    signerId: signature.signerId,
    signerName,
    capacity: signature.capacity,
    unitId: signature.unitId,
    mandateId: signature.mandateId,
    delegationId: signature.delegationId,
    keyFingerprint: key.fingerprint,
    algorithm: key.algorithm,
    signature: signature.signature,
    signedAt: iso(signature.signedAt),
    ledgerSeq: String(signature.ledgerSeq),
  };
}

function toBundleKey(key: SigningKey): BundleKey {
  return {
    fingerprint: key.fingerprint,
    userId: key.userId,
    algorithm: key.algorithm,
    publicKeyPem: key.publicKeyPem,
    registeredAt: iso(key.registeredAt),
    revokedAt: isoOrNull(key.revokedAt),
    revocationReason: key.revocationReason,
  };
}

function toBundleMandate(mandate: MandateRecord): BundleMandate {
  return {
    id: mandate.id,
    userId: mandate.userId,
    role: mandate.role,
    unitId: mandate.unitId,
    clusterId: mandate.clusterId,
    validFrom: iso(mandate.validFrom),
    validTo: isoOrNull(mandate.validTo),
  };
}

function toBundleDelegation(delegation: DelegationRecord): BundleDelegation {
  return {
    id: delegation.id,
    unitId: delegation.unitId,
    delegatorId: delegation.delegatorId,
    delegateId: delegation.delegateId,
    validFrom: iso(delegation.validFrom),
    validTo: iso(delegation.validTo),
    revokedAt: isoOrNull(delegation.revokedAt),
  };
}

/** Exactly the fields LedgerService hashes, in the same form (seq as a string, occurredAt ISO). */
function toBundleLedgerEntry(entry: LedgerRecord, withPayload: boolean): BundleLedgerEntry {
  return {
    seq: String(entry.seq),
    occurredAt: iso(entry.occurredAt),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    payload: withPayload ? entry.payload : null,
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
