import type { EntityManager } from 'typeorm';
import { canonicalJson, sha256Hex } from '../ledger';
import { type CycleResultsResponseDto, pickFigures, RESULTS_REPORT_SUBJECT_TYPE } from '../reports';
import { newestLedgerEntry } from './record-sources';
import type { ResultsRecordData } from './results-record';

const APPROVED_ACTION = 'reports.report_approved';

/**
 * The digest a reader can recompute from `GET /cycles/{id}/results`: SHA-256 of the RFC 8785 JSON
 * of its `cycle`, `units` and `totals` (not `missingUnits`, whose drafts come and go).
 */
export function resultsDigest(results: CycleResultsResponseDto): string {
  return sha256Hex(
    Buffer.from(canonicalJson({ cycle: results.cycle, units: results.units, totals: results.totals }), 'utf8'),
  );
}

/** The record's own time: when the last of its reports was approved (ISO strings sort by time). */
function newestApproval(results: CycleResultsResponseDto): string | null {
  return results.units.reduce<string | null>(
    (newest, unit) => (newest && newest > unit.approvedAt ? newest : unit.approvedAt),
    null,
  );
}

/**
 * The results report's data, from what `CycleResultsService.results` answered: each counted
 * report's approval entry in the ledger, and the newest of them, which seals the table.
 */
export async function loadResultsRecord(
  manager: EntityManager,
  results: CycleResultsResponseDto,
): Promise<ResultsRecordData> {
  const [cluster] = (await manager.query(
    `SELECT c.code, c.name, y.created_at FROM clusters c JOIN cycles y ON y.cluster_id = c.id WHERE y.id = $1`,
    [results.cycle.id],
  )) as { code: string; name: string; created_at: Date | string }[];
  const reportIds = results.units.map((unit) => unit.reportId);
  const approvals = (await manager.query(
    `SELECT subject_id, max(seq)::text AS seq FROM ledger_entries
      WHERE action = $1 AND subject_type = $2 AND subject_id = ANY($3::text[])
      GROUP BY subject_id`,
    [APPROVED_ACTION, RESULTS_REPORT_SUBJECT_TYPE, reportIds],
  )) as { subject_id: string; seq: string }[];
  const approvalSeq = new Map(approvals.map((row) => [row.subject_id, row.seq]));
  const sealedBy = await newestLedgerEntry(manager, { [RESULTS_REPORT_SUBJECT_TYPE]: reportIds }, APPROVED_ACTION);
  return {
    cluster: { code: cluster.code, name: cluster.name },
    issuedAt: newestApproval(results) ?? sealedBy?.occurredAt ?? new Date(cluster.created_at).toISOString(),
    seal: { digest: resultsDigest(results), digestOf: 'content', ledger: sealedBy, sealed: sealedBy !== null },
    cycle: { id: results.cycle.id, year: results.cycle.year },
    units: results.units.map((unit) => ({
      unit: { code: unit.unitCode, name: unit.unitName },
      reportNumber: unit.number,
      approvedAt: unit.approvedAt,
      ledgerSeq: approvalSeq.get(unit.reportId) ?? null,
      figures: pickFigures(unit),
    })),
    totals: pickFigures(results.totals),
    missingUnits: results.missingUnits.map((missing) => ({
      unit: { code: missing.unitCode, name: missing.unitName },
      status: missing.status,
    })),
  };
}
