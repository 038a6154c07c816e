import type { EntityManager } from 'typeorm';
import { isCurrentMember, RegistryException, unitRefs, type UnitRef } from '../registry';
import { cycleOrThrow, type CycleFacts } from '../cycles';
import type { Actor } from '../../common/access/actor';
import { citableProgressReportIds } from '../pledges';
import { findRulesVersion } from '../rules';
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
  cycle: CycleFacts;
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

export async function loadPeriodContext(
  manager: EntityManager,
  periodId: string,
  lock = false,
): Promise<PeriodContext> {
  const period = await findPeriod(manager, periodId, lock);
  const cycle = await cycleOrThrow(manager, period.cycleId);
  const rules = await findRulesVersion(manager, period.rulesVersionId);
  if (!rules) throw new Error(`Rules version ${period.rulesVersionId} of period ${period.id} is missing`);
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

export async function findUnit(manager: EntityManager, unitId: string): Promise<UnitRef> {
  const unit = (await unitRefs(manager, [unitId])).get(unitId);
  if (!unit) {
    throw RegistryException.unitNotFound(unitId);
  }
  return unit;
}

export async function assertCurrentMember(
  manager: EntityManager,
  cycle: Pick<CycleFacts, 'clusterId'>,
  unitId: string,
): Promise<void> {
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
 * pledge of the period's cycle. The pledges module owns them and says which; this module only cites.
 */
export async function assertCitableProgressReports(
  manager: EntityManager,
  reportIds: readonly string[],
  unitId: string,
  cycleId: string,
): Promise<void> {
  const citable = await citableProgressReportIds(manager, reportIds, unitId, cycleId);
  assertCited(reportIds, citable);
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
