import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { pageOf, type Page, type SortSpec } from '../../common/pagination/pagination';
import { ApprovalsService, WorkflowRegistry, type ApprovalActFacts, type ApprovalRequestFacts } from '../approvals';
import { todayInVietnam } from '../cycles';
import { LedgerService } from '../ledger';
import { userNames } from '../users';
import {
  toScoreChangeResponse,
  toScoreEntryResponse,
  type EnterExplanationDto,
  type EnterSelfScoreDto,
  type FixFinalScoreDto,
  type ScoreChangeResponseDto,
  type ScoreEntryResponseDto,
} from './dto/score-entries.dto';
import type { ScoreSheetResponseDto } from './dto/score-sheets.dto';
import { ScoreChange } from './score-change.entity';
import { ScoreEntry } from './score-entry.entity';
import { ScoreSheet } from './score-sheet.entity';
import {
  assertMayEnterFor,
  assertMayReadSheet,
  assertPeriodOpen,
  assertSelfScoringOpen,
  assertSheetDraft,
  maySeeDraftsOf,
  sheetNotVisible,
} from './score-sheet.policy';
import { ScoreSheetStore } from './score-sheet.store';
import { SCORE_SHEET_SUBJECT_TYPE, SCORE_SHEET_WORKFLOW } from './score-sheet.workflow';
import { compileScoreTree, toHundredths } from './score-values';
import {
  assertCitableProgressReports,
  assertCurrentMember,
  assertManagesCluster,
  checkedPoints,
  findScoreItem,
  findUnit,
  loadPeriodContext,
} from './scoring-scope';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

const SCORE_CHANGE_SORT: SortSpec = { fields: { createdAt: 'createdAt' }, default: 'createdAt' };
const SCORE_CHANGE_FIELDS = [
  'self_score',
  'self_note',
  'cited_progress_reports',
  'reviewed_score',
  'review_comment',
  'explanation',
  'final_score',
  'final_reason',
];

/**
 * A unit's score sheet: self scores and explanations by the unit, final scores by the
 * secretariat, the history of every change; submission and return through the `score_sheet`
 * workflow, whose state this service mirrors in `status`. Reviews are in ReviewsService.
 */
@Injectable()
export class ScoreSheetsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ScoreSheetStore,
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
    private readonly workflows: WorkflowRegistry,
  ) {}

  onModuleInit(): void {
    this.workflows.register({
      ...SCORE_SHEET_WORKFLOW,
      onStateEntered: (manager, request, act) => this.onStateEntered(manager, request, act),
    });
  }

  /** The sheet with the whole tree; before the first score, the empty draft it will be. */
  async getSheet(actor: Actor, periodId: string, unitId: string): Promise<ScoreSheetResponseDto> {
    const manager = this.dataSource.manager;
    const ctx = await loadPeriodContext(manager, periodId);
    const unit = await findUnit(manager, unitId);
    const sheet = await this.store.findSheet(manager, periodId, unitId);
    if (sheet) {
      await assertMayReadSheet(manager, actor, sheet);
    } else {
      if (!maySeeDraftsOf(actor, { unitId }, ctx.cycle.clusterId)) throw sheetNotVisible();
      await assertCurrentMember(manager, ctx.cycle, unitId);
    }
    return this.store.sheetResponse(manager, ctx, unit, sheet);
  }

  async enterSelfScore(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    dto: EnterSelfScoreDto,
    ifMatch?: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await loadPeriodContext(manager, periodId, true);
      assertMayEnterFor(actor, unitId);
      assertPeriodOpen(ctx.period);
      await findUnit(manager, unitId);
      await assertCurrentMember(manager, ctx.cycle, unitId);
      const item = findScoreItem(ctx.tree, itemCode);
      const selfScore = checkedPoints(item, dto.selfScore, 'selfScore');
      assertSelfScoringOpen(ctx.period);
      const sheet = await this.store.ensureSheet(manager, actor, ctx, unitId);
      assertSheetDraft(sheet);
      const entry = await this.store.findEntry(manager, sheet.id, item.code);
      assertVersion('score_entry', entry?.version ?? null, { expectedVersion: dto.expectedVersion, ifMatch });
      const selfNote = dto.selfNote === undefined ? undefined : dto.selfNote || null;
      if (dto.progressReportIds?.length) {
        await assertCitableProgressReports(manager, dto.progressReportIds, unitId, ctx.cycle.id);
      }
      const written = await this.store.write(manager, {
        actor,
        sheet,
        item,
        entry,
        values: { self_score: selfScore, self_note: selfNote },
        citations: dto.progressReportIds,
        reason: null,
        action: 'scoring.self_score_entered',
      });
      return toScoreEntryResponse(written.entry, sheet);
    });
  }

  async enterExplanation(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    dto: EnterExplanationDto,
    ifMatch?: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await loadPeriodContext(manager, periodId, true);
      assertMayEnterFor(actor, unitId);
      assertPeriodOpen(ctx.period);
      const item = findScoreItem(ctx.tree, itemCode);
      const sheet = await this.store.findSheet(manager, periodId, unitId, true);
      const entry = sheet ? await this.store.findEntry(manager, sheet.id, item.code) : null;
      if (!sheet || !entry?.reviewedScore || toHundredths(entry.reviewedScore) === toHundredths(entry.selfScore ?? 0)) {
        throw new ScoringException(
          ScoringErrorCode.NoDifferenceToExplain,
          `${item.code} has no reviewed score that differs from the self score.`,
          { itemCode: item.code, selfScore: entry?.selfScore ?? null, reviewedScore: entry?.reviewedScore ?? null },
        );
      }
      if (todayInVietnam() > ctx.period.explanationDue) {
        throw new ScoringException(
          ScoringErrorCode.ExplanationClosed,
          `Explanations for this period closed on ${ctx.period.explanationDue} (Asia/Ho_Chi_Minh).`,
          { explanationDue: ctx.period.explanationDue },
        );
      }
      assertVersion('score_entry', entry.version, { expectedVersion: dto.expectedVersion, ifMatch });
      const written = await this.store.write(manager, {
        actor,
        sheet,
        item,
        entry,
        values: { explanation: dto.explanation },
        reason: null,
        action: 'scoring.explanation_entered',
      });
      return toScoreEntryResponse(written.entry, sheet);
    });
  }

  async fixFinal(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    dto: FixFinalScoreDto,
    ifMatch?: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await loadPeriodContext(manager, periodId, true);
      assertManagesCluster(actor, ctx.cycle.clusterId);
      assertPeriodOpen(ctx.period);
      const item = findScoreItem(ctx.tree, itemCode);
      const finalScore = checkedPoints(item, dto.finalScore, 'finalScore');
      const sheet = await this.store.findSheet(manager, periodId, unitId, true);
      if (sheet?.status !== 'submitted') throw ScoringException.sheetNotSubmitted(sheet);
      const entry = await this.store.findEntry(manager, sheet.id, item.code);
      assertVersion('score_entry', entry?.version ?? null, { expectedVersion: dto.expectedVersion, ifMatch });
      // Without a final, the entry counts its reviewed score (or its self score): departing from it needs a reason.
      const otherwise = entry?.reviewedScore ?? entry?.selfScore ?? null;
      const reason = dto.reason || null;
      if (!reason && (otherwise === null || toHundredths(otherwise) !== toHundredths(finalScore))) {
        throw new ScoringException(
          ScoringErrorCode.FinalReasonRequired,
          `The final ${finalScore} differs from ${otherwise === null ? 'no score' : `the score of ${otherwise}`} ` +
            'the entry would otherwise count; say why in `reason`.',
          { itemCode: item.code, otherwise },
        );
      }
      const written = await this.store.write(manager, {
        actor,
        sheet,
        item,
        entry,
        values: { final_score: finalScore, final_reason: reason },
        stamp: { finalizedBy: actor.userId },
        reason,
        action: 'scoring.final_score_fixed',
      });
      return toScoreEntryResponse(written.entry, sheet);
    });
  }

  /** One entry as last written, visible like the sheet; nothing written for the item yet is a 404. */
  async getEntry(actor: Actor, periodId: string, unitId: string, itemCode: string): Promise<ScoreEntryResponseDto> {
    const manager = this.dataSource.manager;
    const ctx = await loadPeriodContext(manager, periodId);
    const item = findScoreItem(ctx.tree, itemCode);
    const sheet = await this.store.findSheet(manager, periodId, unitId);
    if (!sheet && !maySeeDraftsOf(actor, { unitId }, ctx.cycle.clusterId)) throw sheetNotVisible();
    if (sheet) await assertMayReadSheet(manager, actor, sheet);
    const entry = sheet ? await this.store.findEntry(manager, sheet.id, item.code) : null;
    if (!sheet || !entry) {
      throw new ScoringException(
        ScoringErrorCode.EntryNotFound,
        `Nothing is entered for ${item.code} on this unit's sheet yet; the first PUT creates the entry.`,
        { periodId, unitId, itemCode: item.code },
      );
    }
    return toScoreEntryResponse(entry, sheet);
  }

  /** Every change of the entry, oldest first; visible like the sheet. */
  async history(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    query: PageQueryDto,
  ): Promise<Page<ScoreChangeResponseDto>> {
    const manager = this.dataSource.manager;
    const ctx = await loadPeriodContext(manager, periodId);
    const item = findScoreItem(ctx.tree, itemCode);
    const none: Page<ScoreChangeResponseDto> = { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    const sheet = await this.store.findSheet(manager, periodId, unitId);
    if (!sheet) {
      if (!maySeeDraftsOf(actor, { unitId }, ctx.cycle.clusterId)) throw sheetNotVisible();
      return none;
    }
    await assertMayReadSheet(manager, actor, sheet);
    const entry = await this.store.findEntry(manager, sheet.id, item.code);
    if (!entry) return none;
    // The fields one write changes share its timestamp: they keep the order of the entry's fields.
    const all = (await manager.find(ScoreChange, { where: { entryId: entry.id } })).sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        SCORE_CHANGE_FIELDS.indexOf(a.field) - SCORE_CHANGE_FIELDS.indexOf(b.field),
    );
    const changes = pageOf(all, query, SCORE_CHANGE_SORT);
    const actorIds = [...new Set(changes.items.map((change) => change.actorId))];
    const names = await userNames(manager, actorIds);
    return {
      ...changes,
      items: changes.items.map((change) => toScoreChangeResponse(change, names.get(change.actorId) ?? null)),
    };
  }

  /**
   * Called by the approval engine, in the act's transaction, when the sheet's request enters a
   * state: `status` and `submitted_at` follow. Submission needs a self score on every leaf.
   */
  private async onStateEntered(
    manager: EntityManager,
    request: ApprovalRequestFacts,
    act: ApprovalActFacts,
  ): Promise<void> {
    const state = request.state as ScoreSheet['status'];
    const sheet = await manager.findOne(ScoreSheet, {
      where: { id: request.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!sheet) throw new Error(`Score sheet ${request.subjectId} of approval request ${request.id} is missing`);
    const ctx = await loadPeriodContext(manager, sheet.periodId, true);
    assertPeriodOpen(ctx.period);
    if (sheet.status === state) return;
    if (state === 'submitted') await this.assertComplete(manager, sheet, ctx.tree);
    sheet.status = state;
    sheet.submittedAt = state === 'submitted' ? new Date() : null;
    await manager.save(sheet);
    await this.ledger.append(manager, {
      actorId: act.actorId,
      action: state === 'submitted' ? 'scoring.sheet_submitted' : 'scoring.sheet_returned',
      subjectType: SCORE_SHEET_SUBJECT_TYPE,
      subjectId: sheet.id,
      payload: {
        periodId: sheet.periodId,
        unitId: sheet.unitId,
        approvalRequestId: request.id,
        round: request.round,
        comment: act.comment,
      },
    });
  }

  private async assertComplete(
    manager: EntityManager,
    sheet: ScoreSheet,
    tree: Parameters<typeof compileScoreTree>[0],
  ): Promise<void> {
    const scored = new Set(
      (await manager.findBy(ScoreEntry, { sheetId: sheet.id }))
        .filter((entry) => entry.selfScore !== null)
        .map((entry) => entry.itemCode),
    );
    const missing = [...compileScoreTree(tree).items.values()]
      .filter((item) => item.kind === 'criterion' && !scored.has(item.code))
      .map((item) => item.code);
    if (missing.length > 0) {
      throw new ScoringException(
        ScoringErrorCode.SheetIncomplete,
        `Score every leaf criterion before submitting; missing: ${missing.join(', ')}.`,
        { missing },
      );
    }
  }
}
