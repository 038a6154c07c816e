import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { Cluster } from '../registry/cluster.entity';
import { currentMembershipSql } from '../registry';
import type { CycleResultsResponseDto, MissingUnitDto, UnitResultsDto } from './dto/cycle-results.dto';
import { findReportCycle } from './report-cycle';
import { resultsCsv, resultsCsvFilename } from './results-csv';
import { COUNT_FIELDS, FIGURE_COLUMNS, FIGURE_FIELDS, type ResultsFigures } from './results-figures';
import type { ResultsReportStatus } from './results-report.entity';

/** Every figure read as text, so nothing passes through a float on the way out of the database. */
const FIGURES_AS_TEXT = FIGURE_FIELDS.map((field) => `a.${FIGURE_COLUMNS[field]}::text AS "${field}"`).join(', ');
const SUMS_AS_TEXT = FIGURE_FIELDS.map(
  (field) => `COALESCE(SUM(c.${FIGURE_COLUMNS[field]}), 0)::text AS "${field}"`,
).join(', ');

/** The latest approved version of each current member unit: what the totals count. */
const COUNTED_REPORTS = `
  SELECT DISTINCT ON (r.unit_id) r.*
    FROM results_reports r
   WHERE r.cycle_id = $2 AND r.status = 'approved'
     AND EXISTS (SELECT 1 FROM cluster_memberships m
                  WHERE m.unit_id = r.unit_id AND m.cluster_id = $1 AND ${currentMembershipSql('m')})
   ORDER BY r.unit_id, r.number DESC`;

type TextFigures = Record<keyof ResultsFigures, string>;

interface UnitRow extends Partial<TextFigures> {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  report_id: string | null;
  number: number | null;
  approved_at: Date | null;
  open_status: ResultsReportStatus | null;
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
      const cycle = await findReportCycle(manager, cycleId);
      const params = [cycle.clusterId, cycle.id];
      const [sums] = (await manager.query(`SELECT ${SUMS_AS_TEXT} FROM (${COUNTED_REPORTS}) c`, params)) as [
        TextFigures,
      ];
      const rows = (await manager.query(
        `SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
                a.id AS report_id, a.number, a.approved_at, ${FIGURES_AS_TEXT}, w.status AS open_status
           FROM units u
           LEFT JOIN (${COUNTED_REPORTS}) a ON a.unit_id = u.id
           LEFT JOIN results_reports w ON w.cycle_id = $2 AND w.unit_id = u.id AND w.status <> 'approved'
          WHERE EXISTS (SELECT 1 FROM cluster_memberships m
                         WHERE m.unit_id = u.id AND m.cluster_id = $1 AND ${currentMembershipSql('m')})
          ORDER BY u.code`,
        params,
      )) as UnitRow[];
      const units: UnitResultsDto[] = [];
      const missingUnits: MissingUnitDto[] = [];
      for (const row of rows) {
        const unit = { unitId: row.unit_id, unitCode: row.unit_code, unitName: row.unit_name };
        if (row.report_id === null) {
          missingUnits.push({ ...unit, status: row.open_status });
          continue;
        }
        units.push({
          ...unit,
          reportId: row.report_id,
          number: row.number!,
          approvedAt: new Date(row.approved_at!).toISOString(),
          ...figuresFrom(row as TextFigures),
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
    const cluster = await this.dataSource.manager.findOneByOrFail(Cluster, { id: results.cycle.clusterId });
    return new StreamableFile(Buffer.from(resultsCsv(results), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${resultsCsvFilename(cluster.code, results.cycle.year)}"`,
    });
  }
}
