import type { EntityManager } from 'typeorm';
import { pollCitation } from '../elections';
import { findHandover, HANDOVER_SUBJECT_TYPE, handoverCustodyPeriods, handoverRecord } from '../flags';
import { unitRefs } from '../registry';
import { canonicalDocument, signatureLedgerSeqs, signedDocuments } from '../signatures';
import type { HandoverCustodyLine, HandoverRecordData } from './handover-record';
import type { RecordSeal } from './record-parts';
import { ledgerEntryAt, newestLedgerEntry, signersOf } from './record-sources';

export const NOT_COMPLETED = 'CHƯA HOÀN TẤT';
export const CANCELLED = 'ĐÃ HỦY';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/**
 * A flag handover's record, read in one snapshot: the signed handover record (what both heads
 * signed; before the release, the record offered for signing), its signatures, the custody
 * periods it began and the one it ended, and the seal — completed, the signed document's digest
 * and the receipt's ledger entry (custody moved); else "CHƯA HOÀN TẤT" or "ĐÃ HỦY" with the
 * newest ledger entry about the handover.
 */
export async function loadHandoverRecord(manager: EntityManager, handoverId: string): Promise<HandoverRecordData> {
  const handover = await findHandover(manager, handoverId);
  const content = await handoverRecord(manager, handover);
  let digest: string;
  if (handover.signedDocumentId) {
    digest = (await signedDocuments(manager, [handover.signedDocumentId])).get(handover.signedDocumentId)!.digest;
  } else {
    digest = canonicalDocument(content).digest;
  }
  const signatures = handover.signedDocumentId
    ? ((await signersOf(manager, [handover.signedDocumentId])).get(handover.signedDocumentId) ?? [])
    : [];

  let seal: RecordSeal;
  if (handover.status === 'completed' && handover.receiptSignatureId) {
    const receiptSeq = (await signatureLedgerSeqs(manager, [handover.receiptSignatureId])).get(
      handover.receiptSignatureId,
    )!;
    const ledger = await ledgerEntryAt(manager, receiptSeq);
    seal = { digest, digestOf: 'signed_document', ledger, sealed: true };
  } else {
    seal = {
      digest,
      digestOf: handover.signedDocumentId ? 'signed_document' : 'unsigned_document',
      ledger: await newestLedgerEntry(manager, { [HANDOVER_SUBJECT_TYPE]: [handover.id] }),
      sealed: false,
      pendingLabel: handover.status === 'cancelled' ? CANCELLED : NOT_COMPLETED,
    };
  }

  // The periods the handover began, and the holding it ended (the one just before the first).
  const periods = await handoverCustodyPeriods(manager, handover.flagId, handover.id);
  const custodians = await unitRefs(
    manager,
    periods.flatMap((period) => (period.custodianUnitId ? [period.custodianUnitId] : [])),
  );
  const custody = periods.map((period): HandoverCustodyLine => ({
    position: period.position,
    state: period.state,
    custodian: period.custodianUnitId ? (custodians.get(period.custodianUnitId)?.name ?? null) : null,
    cause: period.cause,
    startedAt: iso(period.startedAt),
  }));
  const poll = await pollCitation(manager, content.election.pollId);
  const countingRecord = poll?.countingRecordDocumentId
    ? (await signedDocuments(manager, [poll.countingRecordDocumentId])).get(poll.countingRecordDocumentId)
    : undefined;

  const issuedAt =
    handover.completedAt ??
    handover.cancelledAt ??
    seal.ledger?.occurredAt ??
    handover.releasedAt ??
    handover.createdAt;
  return {
    cluster: { code: content.cluster.code, name: content.cluster.name },
    issuedAt: iso(issuedAt),
    seal,
    cycle: { year: content.cycle.year },
    handover: {
      id: handover.id,
      status: handover.status,
      date: content.date,
      place: content.place,
      witnesses: content.witnesses,
      releasedAt: isoOrNull(handover.releasedAt),
      completedAt: isoOrNull(handover.completedAt),
      cancelledAt: isoOrNull(handover.cancelledAt),
      cancelReason: handover.cancelReason,
    },
    flag: { name: content.flag.name, description: content.flag.description },
    from: { code: content.from.unit.code, name: content.from.unit.name },
    to: { code: content.to.unit.code, name: content.to.unit.name },
    election: {
      pollId: content.election.pollId,
      termYear: content.election.termYear,
      poll: poll
        ? {
            title: poll.title,
            certifiedAt: isoOrNull(poll.certifiedAt),
            countingRecordDigest: countingRecord?.digest ?? null,
          }
        : null,
    },
    custody,
    signatures,
  };
}
