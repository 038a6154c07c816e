import type { EntityManager } from 'typeorm';
import { canonicalJson, sha256Hex } from '../ledger';
import { PLEDGE_SUBJECT_TYPE, UNIT_PLEDGE_SUBJECT_TYPE, PledgesException } from '../pledges';
import { PLEDGE_RECORD_KIND, type PledgeRecordData, type PledgeRecordTarget } from './pledge-record';
import type { RecordSeal } from './record-parts';
import { ledgerEntryAt, newestLedgerEntry, signersOf } from './record-sources';

interface PledgeRow {
  id: string;
  version: number;
  shared_text: string;
  amendment_reason: string | null;
  seal_document_id: string | null;
  sealed_at: Date | string | null;
  created_at: Date | string;
  cycle_id: string;
  year: number;
  cluster_code: string;
  cluster_name: string;
  rules_number: number;
}

interface UnitPledgeRow {
  id: string;
  status: string;
  signed_document_id: string | null;
  code: string;
  name: string;
  canonical: string | null;
  digest: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * A pledge version's record, read straight from the tables: each unit's targets as its head
 * signed them (the signed document, not the live rows), the signatures with their keys, and the
 * seal. Sealed, the record's digest is the seal document's and the countersignature's ledger
 * entry seals it; not sealed, the digest is the printed content's and the newest ledger entry
 * about the version or its units' parts dates it.
 */
export async function loadPledgeRecord(manager: EntityManager, pledgeId: string): Promise<PledgeRecordData> {
  const [pledge] = (await manager.query(
    `SELECT p.id, p.number AS version, p.shared_text, p.amendment_reason, p.seal_document_id, p.sealed_at, p.created_at,
            y.id AS cycle_id, y.year, c.code AS cluster_code, c.name AS cluster_name, r.number AS rules_number
       FROM pledges p
       JOIN cycles y ON y.id = p.cycle_id
       JOIN clusters c ON c.id = p.cluster_id
       JOIN rules_versions r ON r.id = p.rules_version_id
      WHERE p.id = $1`,
    [pledgeId],
  )) as PledgeRow[];
  if (!pledge) throw PledgesException.pledgeNotFound(pledgeId);
  const parts = (
    (await manager.query(
      `SELECT up.id, up.status, up.signed_document_id, u.code, u.name, d.canonical, d.digest
         FROM unit_pledges up
         JOIN units u ON u.id = up.unit_id
         LEFT JOIN signed_documents d ON d.id = up.signed_document_id
        WHERE up.pledge_id = $1`,
      [pledgeId],
    )) as UnitPledgeRow[]
  ).sort(byCode);
  const documentIds = parts.flatMap((part) => (part.signed_document_id ? [part.signed_document_id] : []));
  if (pledge.seal_document_id) documentIds.push(pledge.seal_document_id);
  const signatures = await signersOf(manager, documentIds);

  const content = {
    cluster: { code: pledge.cluster_code, name: pledge.cluster_name },
    cycle: { id: pledge.cycle_id, year: pledge.year },
    pledge: {
      id: pledge.id,
      version: pledge.version,
      sharedText: pledge.shared_text,
      amendmentReason: pledge.amendment_reason,
      rulesVersionNumber: pledge.rules_number,
      sealedAt: pledge.sealed_at === null ? null : iso(pledge.sealed_at),
    },
    units: parts.map((part) => ({
      unit: { code: part.code, name: part.name },
      status: part.status,
      signed:
        part.signed_document_id && part.canonical && part.digest
          ? {
              digest: part.digest,
              targets: (JSON.parse(part.canonical) as { targets: PledgeRecordTarget[] }).targets,
              signatures: signatures.get(part.signed_document_id) ?? [],
            }
          : null,
    })),
    countersignatures: pledge.seal_document_id ? (signatures.get(pledge.seal_document_id) ?? []) : [],
  };

  let seal: RecordSeal;
  if (pledge.seal_document_id) {
    const [sealDocument] = (await manager.query(`SELECT digest FROM signed_documents WHERE id = $1`, [
      pledge.seal_document_id,
    ])) as { digest: string }[];
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
  const issuedAt = pledge.sealed_at ?? seal.ledger?.occurredAt ?? pledge.created_at;
  return { ...content, issuedAt: iso(issuedAt), seal };
}
