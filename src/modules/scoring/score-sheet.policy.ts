import type { EntityManager } from 'typeorm';
import { cycleOrThrow, todayInVietnam } from '../cycles';
import { holdsUnitRole, isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { UNIT_ROLES } from '../../common/access/roles';
import { isCurrentMember } from '../registry';
import type { ScoreSheet } from './score-sheet.entity';
import { ReviewAssignment } from './review-assignment.entity';
import { ScoringPeriod } from './scoring-period.entity';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

/** The period and cluster a sheet belongs to — what the record-level checks depend on. */
export interface SheetScope {
  period: ScoringPeriod;
  clusterId: string;
}

export async function loadSheetScope(manager: EntityManager, periodId: string): Promise<SheetScope> {
  const period = await manager.findOne(ScoringPeriod, { where: { id: periodId } });
  if (!period) throw ScoringException.periodNotFound(periodId);
  const cycle = await cycleOrThrow(manager, period.cycleId);
  return { period, clusterId: cycle.clusterId };
}

/** Holds any mandate (officer, head, delegate) of the unit. */
export const holdsAnyRoleOf = (actor: Actor, unitId: string): boolean =>
  UNIT_ROLES.some((role) => holdsUnitRole(actor, unitId, role));

export const mayEnterFor = (actor: Actor, unitId: string): boolean =>
  holdsUnitRole(actor, unitId, 'officer') || holdsUnitRole(actor, unitId, 'head');

export const managesCluster = (actor: Actor, clusterId: string): boolean =>
  isAdmin(actor) || isSecretariatOf(actor, clusterId);

/** Sees every sheet of the cluster, drafts included. */
export function maySeeDraftsOf(actor: Actor, sheet: Pick<ScoreSheet, 'unitId'>, clusterId: string): boolean {
  return managesCluster(actor, clusterId) || holdsAnyRoleOf(actor, sheet.unitId);
}

export function sheetNotVisible(): ScoringException {
  return new ScoringException(
    ScoringErrorCode.SheetNotVisible,
    "Until it is submitted, a score sheet is visible only to the unit's people, the cluster's secretariat and administrators.",
  );
}

export function assertPeriodOpen(period: ScoringPeriod): void {
  if (period.status === 'adopted') throw ScoringException.periodAdopted(period.id);
}

/**
 * May the actor read this sheet (its entries, history and evidence)? Before submission: the unit's
 * mandate holders, the cluster's secretariat and administrators. Once submitted: everyone in the
 * cluster (a mandate of the cluster or of one of its current member units), its assigned
 * reviewers, and administrators. Otherwise `sheet_not_visible` (403). Pass the transaction's
 * manager when inside one.
 */
export async function assertMayReadSheet(
  manager: EntityManager,
  actor: Actor,
  sheet: Pick<ScoreSheet, 'periodId' | 'unitId' | 'status'>,
): Promise<void> {
  const { clusterId } = await loadSheetScope(manager, sheet.periodId);
  if (maySeeDraftsOf(actor, sheet, clusterId)) return;
  if (sheet.status === 'submitted') {
    if (actor.mandates.some((m) => m.clusterId === clusterId)) return;
    const unitIds = [...new Set(actor.mandates.filter((m) => m.unitId).map((m) => m.unitId!))];
    if (unitIds.length > 0 && (await isCurrentMember(manager, clusterId, unitIds))) return;
    const assigned = await manager.exists(ReviewAssignment, {
      where: { periodId: sheet.periodId, unitId: sheet.unitId, reviewerId: actor.userId },
    });
    if (assigned) return;
  }
  throw sheetNotVisible();
}

/**
 * May the actor change the unit's own part of this sheet now (self scores, notes, evidence)? The
 * actor holds officer or head of the unit; the period is not adopted (`period_adopted`); today
 * (Asia/Ho_Chi_Minh) is on or before `selfScoringDue` (`self_scoring_closed`); the sheet is a draft
 * (`sheet_not_draft`). Pass the transaction's manager when inside one.
 */
export async function assertMayEnterSelfScores(
  manager: EntityManager,
  actor: Actor,
  sheet: Pick<ScoreSheet, 'periodId' | 'unitId' | 'status'>,
): Promise<void> {
  const { period } = await loadSheetScope(manager, sheet.periodId);
  assertMayEnterFor(actor, sheet.unitId);
  assertSelfScoringOpen(period);
  assertSheetDraft(sheet);
}

export function assertMayEnterFor(actor: Actor, unitId: string): void {
  if (!mayEnterFor(actor, unitId)) {
    throw new ScoringException(
      ScoringErrorCode.SheetEntryForbidden,
      "Only an officer or the head of the unit may enter the unit's self scores, evidence and explanations.",
      { unitId },
    );
  }
}

export function assertSelfScoringOpen(period: ScoringPeriod, today = todayInVietnam()): void {
  assertPeriodOpen(period);
  if (today > period.selfScoringDue) {
    throw new ScoringException(
      ScoringErrorCode.SelfScoringClosed,
      `Self-scoring for this period closed on ${period.selfScoringDue} (Asia/Ho_Chi_Minh).`,
      { selfScoringDue: period.selfScoringDue },
    );
  }
}

export function assertSheetDraft(sheet: Pick<ScoreSheet, 'status'>): void {
  if (sheet.status !== 'draft') {
    throw new ScoringException(
      ScoringErrorCode.SheetNotDraft,
      'The sheet is submitted; the secretariat may return it to the unit for changes.',
      { status: sheet.status },
    );
  }
}
