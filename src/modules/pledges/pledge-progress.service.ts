import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { cycleOrThrow } from '../cycles';
import { unitRefs } from '../registry';
import type { PledgeProgressResponseDto, ProgressActualDto, ProgressUnitRowDto } from './dto/progress.dto';
import type { ProgressPeriod } from './pledge-progress-report.entity';
import { currentPledgeOf, referenced } from './pledge-scope';

interface TargetRow {
  unit_pledge_id: string;
  status: string;
  unit_id: string;
  target_id: string | null;
  position: number | null;
  indicator: string | null;
  unit_of_measure: string | null;
  target_value: string | null;
  baseline: string | null;
}

interface ActualRow {
  target_id: string;
  period: ProgressPeriod;
  report_id: string;
  number: number;
  actual_value: string;
  percent: string | null;
}

/**
 * The cluster's progress table: per unit of the current pledge version and per signed target,
 * the latest approved actual value of each period and how much of the target it achieves.
 */
@Injectable()
export class PledgeProgressService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async table(_actor: Actor, cycleId: string): Promise<PledgeProgressResponseDto> {
    const manager = this.dataSource.manager;
    await cycleOrThrow(manager, cycleId);
    const pledge = await currentPledgeOf(manager, cycleId);
    if (!pledge) return { cycleId, pledgeId: null, pledgeNumber: null, units: [] };
    // Targets are shown once signed: before that they are the unit's draft.
    const targets = (await manager.query(
      `SELECT up.id AS unit_pledge_id, up.status, up.unit_id,
              t.id AS target_id, t.position, t.indicator, t.unit_of_measure,
              t.target_value::text AS target_value, t.baseline::text AS baseline
         FROM unit_pledges up
         LEFT JOIN pledge_targets t ON t.unit_pledge_id = up.id AND up.status = 'signed'
        WHERE up.pledge_id = $1
        ORDER BY t.position`,
      [pledge.id],
    )) as TargetRow[];
    const unitOf = await unitRefs(
      manager,
      targets.map((row) => row.unit_id),
    );
    const actuals = (await manager.query(
      `SELECT DISTINCT ON (v.target_id, r.period)
              v.target_id, r.period, r.id AS report_id, r.number, v.actual_value::text AS actual_value,
              CASE WHEN t.target_value > 0 THEN round(v.actual_value * 100 / t.target_value, 2)::text END AS percent
         FROM pledge_progress_values v
         JOIN pledge_progress_reports r ON r.id = v.report_id AND r.status = 'approved'
         JOIN pledge_targets t ON t.id = v.target_id
         JOIN unit_pledges up ON up.id = r.unit_pledge_id
        WHERE up.pledge_id = $1
        ORDER BY v.target_id, r.period, r.number DESC`,
      [pledge.id],
    )) as ActualRow[];
    const actualOf = new Map(actuals.map((row) => [`${row.target_id}/${row.period}`, row]));
    const actual = (targetId: string, period: ProgressPeriod): ProgressActualDto | null => {
      const row = actualOf.get(`${targetId}/${period}`);
      return row
        ? { reportId: row.report_id, number: row.number, actualValue: row.actual_value, percentAchieved: row.percent }
        : null;
    };
    const units = new Map<string, ProgressUnitRowDto>();
    for (const row of targets) {
      let unit = units.get(row.unit_pledge_id);
      if (!unit) {
        unit = {
          unit: referenced(unitOf.get(row.unit_id), 'unit'),
          unitPledgeId: row.unit_pledge_id,
          status: row.status,
          targets: [],
        };
        units.set(row.unit_pledge_id, unit);
      }
      if (!row.target_id) continue;
      unit.targets.push({
        targetId: row.target_id,
        position: row.position!,
        indicator: row.indicator!,
        unitOfMeasure: row.unit_of_measure!,
        targetValue: row.target_value!,
        baseline: row.baseline,
        midYear: actual(row.target_id, 'mid_year'),
        yearEnd: actual(row.target_id, 'year_end'),
      });
    }
    return {
      cycleId,
      pledgeId: pledge.id,
      pledgeNumber: pledge.number,
      units: [...units.values()].sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0)),
    };
  }
}
