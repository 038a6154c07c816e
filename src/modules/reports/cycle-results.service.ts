import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { cycleOrThrow } from '../cycles';
import { clusterRef, currentMemberUnits } from '../registry';
import type { CycleResultsResponseDto, MissingUnitDto, UnitResultsDto } from './dto/cycle-results.dto';
import { resultsCsv, resultsCsvFilename } from './results-csv';
import { COUNT_FIELDS, FIGURE_COLUMNS, FIGURE_FIELDS, type ResultsFigures } from './results-figures';
import type { ResultsReportStatus } from './results-report.entity';

/** Every figure read as text, so nothing passes through a float on the way out of the database. */
const FIGURES_AS_TEXT = FIGURE_FIELDS.map((field) => `a.${FIGURE_COLUMNS[field]}::text AS "${field}"`).join(', ');
const SUMS_AS_TEXT = FIGURE_FIELDS.map(
  (field) => `COALESCE(SUM(c.${FIGURE_COLUMNS[field]}), 0)::text AS "${field}"`,
).join(', ');

/** The latest approved version of each of the units $1 (the current members): what the totals count. */
const COUNTED_REPORTS = `
  SELECT DISTINCT ON (r.unit_id) r.*
    FROM results_reports r
   WHERE r.cycle_id = $2 AND r.status = 'approved' AND r.unit_id = ANY($1::uuid[])
   ORDER BY r.unit_id, r.number DESC`;

type TextFigures = Record<keyof ResultsFigures, string>;

interface CountedRow extends TextFigures {
  unit_id: string;
  report_id: string;
  number: number;
  approved_at: Date;
}

/** Counts fit in a JS number exactly (integers, far below 2^53); capital stays a string. */
function figuresFrom(row: TextFigures): ResultsFigures {
  const figures = { charterCapitalVnd: row.charterCapitalVnd } as ResultsFigures;
  for (const field of COUNT_FIELDS) figures[field] = Number(row[field]);
  return figures;
}

/** Cluster totals of a cycle's results reports, and their CSV export. Only approved reports count. */
@Injectable()
export class CycleResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  results(_actor: Actor, cycleId: string): Promise<CycleResultsResponseDto> {
    // One snapshot for the table and its sums, so the total row always matches the rows.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const cycle = await cycleOrThrow(manager, cycleId);
      // Read in the same snapshot as the reports: the members by code, as the table lists them.
      const members = await currentMemberUnits(manager, cycle.clusterId);
      const params = [members.map((member) => member.unitId), cycle.id];
      const [sums] = (await manager.query(`SELECT ${SUMS_AS_TEXT} FROM (${COUNTED_REPORTS}) c`, params)) as [
        TextFigures,
      ];
      const counted = (await manager.query(
        `SELECT a.unit_id, a.id AS report_id, a.number, a.approved_at, ${FIGURES_AS_TEXT} FROM (${COUNTED_REPORTS}) a`,
        params,
      )) as CountedRow[];
      // At most one version in the works per unit and cycle (uq_results_reports_open).
      const open = (await manager.query(
        `SELECT w.unit_id, w.status FROM results_reports w
          WHERE w.cycle_id = $2 AND w.unit_id = ANY($1::uuid[]) AND w.status <> 'approved'`,
        params,
      )) as { unit_id: string; status: ResultsReportStatus }[];
      const countedOf = new Map(counted.map((row) => [row.unit_id, row]));
      const openStatusOf = new Map(open.map((row) => [row.unit_id, row.status]));
      const units: UnitResultsDto[] = [];
      const missingUnits: MissingUnitDto[] = [];
      for (const member of members) {
        const unit = { unitId: member.unitId, unitCode: member.code, unitName: member.name };
        const row = countedOf.get(member.unitId);
        if (!row) {
          missingUnits.push({ ...unit, status: openStatusOf.get(member.unitId) ?? null });
          continue;
        }
        units.push({
          ...unit,
          reportId: row.report_id,
          number: row.number,
          approvedAt: new Date(row.approved_at).toISOString(),
          ...figuresFrom(row),
        });
      }
      return {
        cycle: { id: cycle.id, year: cycle.year, clusterId: cycle.clusterId },
        totals: figuresFrom(sums),
        units,
        missingUnits,
      };
    });
  }

  /** The same table as CSV for a spreadsheet: UTF-8 with a BOM, a Vietnamese header and a total row. */
  async csv(actor: Actor, cycleId: string): Promise<StreamableFile> {
    const results = await this.results(actor, cycleId);
    // The cycle's foreign key guarantees its cluster.
    const cluster = (await clusterRef(this.dataSource.manager, results.cycle.clusterId))!;
    return new StreamableFile(Buffer.from(resultsCsv(results), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${resultsCsvFilename(cluster.code, results.cycle.year)}"`,
    });
  }
}
