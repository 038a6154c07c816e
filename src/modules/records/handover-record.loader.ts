import type { EntityManager } from 'typeorm';
import { handoverRecord, HANDOVER_SUBJECT_TYPE, findHandover } from '../flags';
import { canonicalDocument } from '../signatures';
import type { HandoverCustodyLine, HandoverRecordData } from './handover-record';
import type { RecordSeal } from './record-parts';
import { ledgerEntryAt, newestLedgerEntry, signersOf } from './record-sources';

export const NOT_COMPLETED = 'CHƯA HOÀN TẤT';
export const CANCELLED = 'ĐÃ HỦY';

interface CustodyRow {
  position: number;
  state: string;
  custodian: string | null;
  cause: string;
  started_at: Date | string;
}

interface ElectionRow {
  title: string;
  certified_at: Date | string | null;
  digest: string | null;
}

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
    const [document] = (await manager.query(`SELECT digest FROM signed_documents WHERE id = $1`, [
      handover.signedDocumentId,
    ])) as { digest: string }[];
    digest = document.digest;
  } else {
    digest = canonicalDocument(content).digest;
  }
  const signatures = handover.signedDocumentId
    ? ((await signersOf(manager, [handover.signedDocumentId])).get(handover.signedDocumentId) ?? [])
    : [];

  let seal: RecordSeal;
  if (handover.status === 'completed' && handover.receiptSignatureId) {
    const [receipt] = (await manager.query(`SELECT ledger_seq FROM document_signatures WHERE id = $1`, [
      handover.receiptSignatureId,
    ])) as { ledger_seq: string | number }[];
    const ledger = await ledgerEntryAt(manager, String(receipt.ledger_seq));
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
  const custody = (
    (await manager.query(
      `SELECT p.position, p.state, u.name AS custodian, p.cause, p.started_at
         FROM flag_custody_periods p LEFT JOIN units u ON u.id = p.custodian_unit_id
        WHERE p.flag_id = $1
          AND (p.handover_id = $2
               OR p.position = (SELECT min(position) - 1 FROM flag_custody_periods WHERE handover_id = $2))
        ORDER BY p.position`,
      [handover.flagId, handover.id],
    )) as CustodyRow[]
  ).map((row): HandoverCustodyLine => ({
    position: row.position,
    state: row.state,
    custodian: row.custodian,
    cause: row.cause,
    startedAt: iso(row.started_at),
  }));
  const [election] = (await manager.query(
    `SELECT p.title, p.certified_at, d.digest
       FROM polls p LEFT JOIN signed_documents d ON d.id = p.counting_record_document_id
      WHERE p.id = $1`,
    [content.election.pollId],
  )) as ElectionRow[];

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
      poll: election
        ? {
            title: election.title,
            certifiedAt: isoOrNull(election.certified_at),
            countingRecordDigest: election.digest,
          }
        : null,
    },
    custody,
    signatures,
  };
}
