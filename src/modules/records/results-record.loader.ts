import type { EntityManager } from 'typeorm';
import { cycleOpening, CyclesException } from '../cycles';
import { canonicalJson, newestSeqOfEachSubject, sha256Hex } from '../ledger';
import { clusterRef } from '../registry';
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
  const opening = await cycleOpening(manager, results.cycle.id);
  if (!opening) throw CyclesException.cycleNotFound(results.cycle.id);
  const cluster = (await clusterRef(manager, opening.clusterId))!;
  const reportIds = results.units.map((unit) => unit.reportId);
  const approvalSeq = await newestSeqOfEachSubject(manager, APPROVED_ACTION, RESULTS_REPORT_SUBJECT_TYPE, reportIds);
  const sealedBy = await newestLedgerEntry(manager, { [RESULTS_REPORT_SUBJECT_TYPE]: reportIds }, APPROVED_ACTION);
  return {
    cluster: { code: cluster.code, name: cluster.name },
    issuedAt: newestApproval(results) ?? sealedBy?.occurredAt ?? opening.createdAt.toISOString(),
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
