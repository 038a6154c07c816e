import type { EntityManager } from 'typeorm';
import { isCurrentMember, RegistryException } from '../registry';
import { CyclesException } from '../cycles';
import type { Actor } from '../../common/access/actor';
import { Cycle } from '../cycles/cycle.entity';
import { Unit } from '../registry/unit.entity';
import { RulesVersion } from '../rules/rules-version.entity';
import { managesCluster } from './score-sheet.policy';
import { compileScoreTree, formatHundredths, toHundredths, type ScoreItem, type ScoreTree } from './score-values';
import { ScoringPeriod } from './scoring-period.entity';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

/**
 * The period a request is about, with its cycle and criteria tree. Writes pass `lock`: a share
 * lock on the period row, so the period cannot be adopted while a score of it is being written.
 */
export interface PeriodContext {
  period: ScoringPeriod;
  cycle: Cycle;
  tree: ScoreTree;
}

export async function findPeriod(manager: EntityManager, periodId: string, lock = false): Promise<ScoringPeriod> {
  const period = await manager.findOne(ScoringPeriod, {
    where: { id: periodId },
    ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
  if (!period) throw ScoringException.periodNotFound(periodId);
  return period;
}

export async function findCycle(manager: EntityManager, cycleId: string): Promise<Cycle> {
  const cycle = await manager.findOneBy(Cycle, { id: cycleId });
  if (!cycle) throw CyclesException.cycleNotFound(cycleId);
  return cycle;
}

export async function loadPeriodContext(
  manager: EntityManager,
  periodId: string,
  lock = false,
): Promise<PeriodContext> {
  const period = await findPeriod(manager, periodId, lock);
  const cycle = await findCycle(manager, period.cycleId);
  const rules = await manager.findOneByOrFail(RulesVersion, { id: period.rulesVersionId });
  return { period, cycle, tree: rules.content.scoring };
}

/** The secretariat's and administrators' acts on a period: only for the cycle's own cluster. */
export function assertManagesCluster(actor: Actor, clusterId: string): void {
  if (!managesCluster(actor, clusterId)) {
    throw new ScoringException(
      ScoringErrorCode.NotClusterSecretariat,
      "Only administrators and this cluster's secretariat manage its scoring.",
      { clusterId },
    );
  }
}

export async function findUnit(manager: EntityManager, unitId: string): Promise<Unit> {
  const unit = await manager.findOneBy(Unit, { id: unitId });
  if (!unit) {
    throw RegistryException.unitNotFound(unitId);
  }
  return unit;
}

export async function assertCurrentMember(manager: EntityManager, cycle: Cycle, unitId: string): Promise<void> {
  if (!(await isCurrentMember(manager, cycle.clusterId, unitId))) {
    throw new ScoringException(
      ScoringErrorCode.UnitNotMember,
      "Only the cluster's current member units are scored in its periods.",
      { unitId, clusterId: cycle.clusterId },
    );
  }
}

/**
 * The scorable item with this code: a leaf criterion or a bonus/penalty item. A parent criterion
 * is `score_on_parent` (422), an unknown code `item_not_found` (404).
 */
export function findScoreItem(tree: ScoreTree, itemCode: string): ScoreItem {
  const { items, parents } = compileScoreTree(tree);
  const item = items.get(itemCode);
  if (item) return item;
  if (parents.has(itemCode)) {
    throw new ScoringException(
      ScoringErrorCode.ScoreOnParent,
      `${itemCode} is a parent criterion: its score is the sum of its children; score those instead.`,
      { itemCode },
    );
  }
  throw new ScoringException(
    ScoringErrorCode.ItemNotFound,
    `The period's rules have no criterion or bonus/penalty item ${itemCode}.`,
    { itemCode },
  );
}

/** Whether the person holds any mandate (officer, head, delegate) of the unit now — read from the database. */
export async function holdsMandateOfUnit(manager: EntityManager, userId: string, unitId: string): Promise<boolean> {
  const rows = (await manager.query(
    `SELECT 1 FROM mandates m
      WHERE m.user_id = $1 AND m.unit_id = $2 AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())
      LIMIT 1`,
    [userId, unitId],
  )) as unknown[];
  return rows.length > 0;
}

/** The score, checked against 0 … the item's maximum and written with two places; else `score_out_of_range` (422). */
export function checkedPoints(item: ScoreItem, value: string | number, field: string): string {
  const points = toHundredths(value);
  if (points < 0n || points > item.max) {
    throw new ScoringException(
      ScoringErrorCode.ScoreOutOfRange,
      `${field} of ${item.code} must be between 0 and ${formatHundredths(item.max)}; ${String(value)} is not.`,
      { itemCode: item.code, field, min: '0.00', max: formatHundredths(item.max) },
    );
  }
  return formatHundredths(points);
}

/**
 * Pledge progress reports a self score may cite: approved (so read-only), of the unit, under a
 * pledge of the period's cycle. Read in SQL: the pledges module owns them, this module only cites.
 */
export async function assertCitableProgressReports(
  manager: EntityManager,
  reportIds: readonly string[],
  unitId: string,
  cycleId: string,
): Promise<void> {
  const citable = await citableProgressReports(manager, reportIds, unitId, cycleId);
  assertCited(reportIds, citable);
}

/** Of these ids, the progress reports a self score of the unit may cite (see assertCitableProgressReports). */
export async function citableProgressReports(
  manager: EntityManager,
  reportIds: readonly string[],
  unitId: string,
  cycleId: string,
): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = (await manager.query(
    `SELECT r.id FROM pledge_progress_reports r
       JOIN unit_pledges up ON up.id = r.unit_pledge_id
       JOIN pledges p ON p.id = up.pledge_id
      WHERE r.id = ANY($1::uuid[]) AND r.status = 'approved' AND up.unit_id = $2 AND p.cycle_id = $3`,
    [[...new Set(reportIds)], unitId, cycleId],
  )) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

/** `progress_report_not_citable` (422) naming the ids that are not in `citable`. */
export function assertCited(reportIds: readonly string[], citable: ReadonlySet<string>): void {
  const refused = [...new Set(reportIds)].filter((id) => !citable.has(id));
  if (refused.length > 0) {
    throw new ScoringException(
      ScoringErrorCode.ProgressReportNotCitable,
      "Cite only the unit's own approved pledge progress reports of this cycle.",
      { progressReportIds: refused },
    );
  }
}
