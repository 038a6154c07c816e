import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { ApprovalsService, toApprovalSummary } from '../approvals';
import type { UnitRef } from '../registry';
import { toScoreSheetResponse, type ScoreSheetResponseDto } from './dto/score-sheets.dto';
import { LedgerService, type LedgerActionOf } from '../ledger';
import { ScoreChange } from './score-change.entity';
import { ScoreEntry } from './score-entry.entity';
import { ScoreSheet } from './score-sheet.entity';
import { SCORE_SHEET_SUBJECT_TYPE, SCORE_SHEET_WORKFLOW_KEY } from './score-sheet.workflow';
import type { ScoreItem } from './score-values';
import type { PeriodContext } from './scoring-scope';

/** The fields of an entry whose every change is kept in `score_changes`. */
export const SCORE_FIELDS = {
  self_score: 'selfScore',
  self_note: 'selfNote',
  reviewed_score: 'reviewedScore',
  review_comment: 'reviewComment',
  explanation: 'explanation',
  final_score: 'finalScore',
  final_reason: 'finalReason',
} as const satisfies Record<string, keyof ScoreEntry>;

export type ScoreField = keyof typeof SCORE_FIELDS;

/** The history name of the entry's cited progress reports (ids, sorted, comma-separated). */
export const CITATIONS_FIELD = 'cited_progress_reports';

export interface FieldChange {
  field: ScoreField | typeof CITATIONS_FIELD;
  oldValue: string | null;
  newValue: string | null;
}

export interface EntryWrite {
  actor: Actor;
  sheet: ScoreSheet;
  item: ScoreItem;
  /** The entry as read (locked through its sheet), or null when the item has none yet. */
  entry: ScoreEntry | null;
  /** New values of history fields (normalised: points with two places, trimmed text or null). */
  values: Partial<Record<ScoreField, string | null>>;
  /** The progress reports the entry cites from now on (already checked); absent keeps them. */
  citations?: string[];
  /** Other columns to set with the change (who reviewed, who fixed the final). */
  stamp?: Partial<Pick<ScoreEntry, 'reviewedBy' | 'finalizedBy'>>;
  /** Why, kept on every history row of this write. */
  reason: string | null;
  /** The ledger action, e.g. `scoring.self_score_entered`. */
  action: LedgerActionOf<'scoring'>;
}

/**
 * Reads and writes of sheets and entries, for the services of this module. Every call takes the
 * transaction's manager. Writes lock the sheet row first, so the writes of one sheet run one
 * after the other; each changed field becomes a history row and the write a ledger entry.
 */
@Injectable()
export class ScoreSheetStore {
  constructor(
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
  ) {}

  /** The sheet as answered: its entries and its approval read now; before the first score, the empty draft. */
  async sheetResponse(
    manager: EntityManager,
    ctx: PeriodContext,
    unit: UnitRef,
    sheet: ScoreSheet | null,
  ): Promise<ScoreSheetResponseDto> {
    const entries = sheet ? await manager.findBy(ScoreEntry, { sheetId: sheet.id }) : [];
    const request = sheet ? await this.approvals.findForSubject(manager, SCORE_SHEET_SUBJECT_TYPE, sheet.id) : null;
    return toScoreSheetResponse({
      periodId: ctx.period.id,
      unit,
      tree: ctx.tree,
      sheet,
      entries,
      approval: toApprovalSummary(request),
    });
  }

  findSheet(manager: EntityManager, periodId: string, unitId: string, lock = false): Promise<ScoreSheet | null> {
    return manager.findOne(ScoreSheet, {
      where: { periodId, unitId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findEntry(manager: EntityManager, sheetId: string, itemCode: string): Promise<ScoreEntry | null> {
    return manager.findOneBy(ScoreEntry, { sheetId, itemCode });
  }

  /**
   * The unit's sheet, created on first use with its approval request (drafted by the creator).
   * Two first uses at once: ON CONFLICT lets one insert; the other waits and then locks that row.
   */
  async ensureSheet(manager: EntityManager, actor: Actor, ctx: PeriodContext, unitId: string): Promise<ScoreSheet> {
    const inserted = (await manager
      .createQueryBuilder()
      .insert()
      .into(ScoreSheet)
      .values({ periodId: ctx.period.id, unitId, status: 'draft', createdBy: actor.userId })
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    const sheet = (await this.findSheet(manager, ctx.period.id, unitId, true))!;
    if (inserted.raw.length === 0) return sheet;
    const request = await this.approvals.open(manager, {
      workflowKey: SCORE_SHEET_WORKFLOW_KEY,
      subjectId: sheet.id,
      clusterId: ctx.cycle.clusterId,
      unitId,
      draftedBy: actor.userId,
    });
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: 'scoring.sheet_created',
      subjectType: SCORE_SHEET_SUBJECT_TYPE,
      subjectId: sheet.id,
      payload: { periodId: ctx.period.id, unitId, approvalRequestId: request.id },
    });
    return sheet;
  }

  /** Applies the changed fields; returns the entry as stored and what changed (nothing written when nothing did). */
  async write(manager: EntityManager, input: EntryWrite): Promise<{ entry: ScoreEntry; changes: FieldChange[] }> {
    const entry =
      input.entry ??
      manager.create(ScoreEntry, {
        sheetId: input.sheet.id,
        itemCode: input.item.code,
        itemKind: input.item.kind,
        selfScore: null,
        selfNote: null,
        citedProgressReportIds: [],
        reviewedScore: null,
        reviewComment: null,
        reviewedBy: null,
        explanation: null,
        finalScore: null,
        finalReason: null,
        finalizedBy: null,
      });
    const changes: FieldChange[] = [];
    for (const [field, newValue] of Object.entries(input.values) as [ScoreField, string | null | undefined][]) {
      if (newValue === undefined) continue;
      const property = SCORE_FIELDS[field];
      const oldValue = entry[property];
      if (oldValue === newValue) continue;
      changes.push({ field, oldValue, newValue });
      entry[property] = newValue;
    }
    if (input.citations !== undefined) {
      const cited = [...new Set(input.citations)].sort();
      const oldValue = [...entry.citedProgressReportIds].sort().join(',') || null;
      const newValue = cited.join(',') || null;
      if (oldValue !== newValue) {
        changes.push({ field: CITATIONS_FIELD, oldValue, newValue });
        entry.citedProgressReportIds = cited;
      }
    }
    if (changes.length === 0) return { entry, changes };
    Object.assign(entry, input.stamp ?? {});
    const saved = await manager.save(entry);
    await manager.insert(
      ScoreChange,
      changes.map((change) => ({ entryId: saved.id, ...change, actorId: input.actor.userId, reason: input.reason })),
    );
    await this.ledger.append(manager, {
      actorId: input.actor.userId,
      action: input.action,
      subjectType: 'score_entry',
      subjectId: saved.id,
      payload: {
        sheetId: input.sheet.id,
        periodId: input.sheet.periodId,
        unitId: input.sheet.unitId,
        itemCode: saved.itemCode,
        changes,
        reason: input.reason,
      },
    });
    return { entry: saved, changes };
  }
}
