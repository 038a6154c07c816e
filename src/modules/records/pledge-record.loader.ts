import type { EntityManager } from 'typeorm';
import { canonicalJson, sha256Hex } from '../ledger';
import { findCycle } from '../cycles';
import {
  PLEDGE_SUBJECT_TYPE,
  pledgeRecordFacts,
  PledgesException,
  UNIT_PLEDGE_SUBJECT_TYPE,
  unitPledgeRecordFacts,
} from '../pledges';
import { clusterRef, unitRefs } from '../registry';
import { findRulesVersion } from '../rules';
import { signedDocuments } from '../signatures';
import { PLEDGE_RECORD_KIND, type PledgeRecordData, type PledgeRecordTarget } from './pledge-record';
import type { RecordSeal } from './record-parts';
import { ledgerEntryAt, newestLedgerEntry, signersOf } from './record-sources';

const iso = (value: Date | string) => new Date(value).toISOString();
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * A pledge version's record, read through its owners' front doors: each unit's targets as its head
 * signed them (the signed document, not the live rows), the signatures with their keys, and the
 * seal. Sealed, the record's digest is the seal document's and the countersignature's ledger
 * entry seals it; not sealed, the digest is the printed content's and the newest ledger entry
 * about the version or its units' parts dates it.
 */
export async function loadPledgeRecord(manager: EntityManager, pledgeId: string): Promise<PledgeRecordData> {
  const pledge = await pledgeRecordFacts(manager, pledgeId);
  if (!pledge) throw PledgesException.pledgeNotFound(pledgeId);
  const cycle = (await findCycle(manager, pledge.cycleId))!;
  const cluster = (await clusterRef(manager, pledge.clusterId))!;
  const rules = (await findRulesVersion(manager, pledge.rulesVersionId))!;
  const unitParts = await unitPledgeRecordFacts(manager, pledgeId);
  const units = await unitRefs(
    manager,
    unitParts.map((part) => part.unitId),
  );
  const documentIds = unitParts.flatMap((part) => (part.signedDocumentId ? [part.signedDocumentId] : []));
  if (pledge.sealDocumentId) documentIds.push(pledge.sealDocumentId);
  const documents = await signedDocuments(manager, documentIds);
  const parts = unitParts
    .map((part) => ({
      ...part,
      code: units.get(part.unitId)!.code,
      name: units.get(part.unitId)!.name,
      document: part.signedDocumentId ? documents.get(part.signedDocumentId) : undefined,
    }))
    .sort(byCode);
  const signatures = await signersOf(manager, documentIds);

  const content = {
    cluster: { code: cluster.code, name: cluster.name },
    cycle: { id: cycle.id, year: cycle.year },
    pledge: {
      id: pledge.id,
      version: pledge.version,
      sharedText: pledge.sharedText,
      amendmentReason: pledge.amendmentReason,
      rulesVersionNumber: rules.number,
      sealedAt: pledge.sealedAt === null ? null : iso(pledge.sealedAt),
    },
    units: parts.map((part) => ({
      unit: { code: part.code, name: part.name },
      status: part.status,
      signed:
        part.signedDocumentId && part.document
          ? {
              digest: part.document.digest,
              targets: (JSON.parse(part.document.canonical) as { targets: PledgeRecordTarget[] }).targets,
              signatures: signatures.get(part.signedDocumentId) ?? [],
            }
          : null,
    })),
    countersignatures: pledge.sealDocumentId ? (signatures.get(pledge.sealDocumentId) ?? []) : [],
  };

  let seal: RecordSeal;
  if (pledge.sealDocumentId) {
    const sealDocument = documents.get(pledge.sealDocumentId)!;
    const countersignature = content.countersignatures[0];
    const ledger = countersignature ? await ledgerEntryAt(manager, countersignature.ledgerSeq) : null;
    seal = { digest: sealDocument.digest, digestOf: 'seal_document', ledger, sealed: true };
  } else {
    const ledger = await newestLedgerEntry(manager, {
      [PLEDGE_SUBJECT_TYPE]: [pledge.id],
      [UNIT_PLEDGE_SUBJECT_TYPE]: parts.map((part) => part.id),
    });
    const digest = sha256Hex(Buffer.from(canonicalJson({ kind: PLEDGE_RECORD_KIND, ...content }), 'utf8'));
    seal = { digest, digestOf: 'content', ledger, sealed: false };
  }
  const issuedAt = pledge.sealedAt ?? seal.ledger?.occurredAt ?? pledge.createdAt;
  return { ...content, issuedAt: iso(issuedAt), seal };
}
