import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { CommonErrorCode } from '../../common/errors/common.exception';
import type { FieldError } from '../../common/errors/domain.exception';
import { citableProgressReportIds } from '../pledges';
import type { ScoreSheetResponseDto } from './dto/score-sheets.dto';
import type { EnterSelfScoresDto, SelfScoreEntryDto } from './dto/self-scores.dto';
import { ScoreEntry } from './score-entry.entity';
import { assertMayEnterFor, assertPeriodOpen, assertSelfScoringOpen, assertSheetDraft } from './score-sheet.policy';
import { ScoreSheetStore } from './score-sheet.store';
import type { ScoreItem } from './score-values';
import {
  assertCited,
  assertCurrentMember,
  checkedPoints,
  findScoreItem,
  findUnit,
  loadPeriodContext,
  type PeriodContext,
} from './scoring-scope';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

/** An entry that passed every check: what the single-entry route would write for it. */
interface CheckedEntry {
  item: ScoreItem;
  selfScore: string;
  dto: SelfScoreEntryDto;
}

/**
 * A unit's self scores for a sheet in one request: every entry is checked by the rules of the
 * single-entry route (leaf or bonus/penalty item, 0 … its maximum, citable progress reports, the
 * entry's version), all problems are answered at once with the entry's field path, and either
 * every entry is written, in one transaction, or none.
 */
@Injectable()
export class SelfScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ScoreSheetStore,
  ) {}

  async enterSelfScores(
    actor: Actor,
    periodId: string,
    unitId: string,
    dto: EnterSelfScoresDto,
  ): Promise<ScoreSheetResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // The sheet's own rules first, as for one entry: who, which unit, which period, its state.
      const ctx = await loadPeriodContext(manager, periodId, true);
      assertMayEnterFor(actor, unitId);
      assertPeriodOpen(ctx.period);
      const unit = await findUnit(manager, unitId);
      await assertCurrentMember(manager, ctx.cycle, unitId);
      assertSelfScoringOpen(ctx.period);
      // Created (and locked) here if this is the first score; a refusal below rolls it back.
      const sheet = await this.store.ensureSheet(manager, actor, ctx, unitId);
      assertSheetDraft(sheet);
      const stored = new Map((await manager.findBy(ScoreEntry, { sheetId: sheet.id })).map((e) => [e.itemCode, e]));

      const checked = await this.checkEntries(manager, ctx, unitId, dto.entries, stored);
      for (const { item, selfScore, dto: entry } of checked) {
        await this.store.write(manager, {
          actor,
          sheet,
          item,
          entry: stored.get(item.code) ?? null,
          values: {
            self_score: selfScore,
            self_note: entry.selfNote === undefined ? undefined : entry.selfNote || null,
          },
          citations: entry.progressReportIds,
          reason: null,
          action: 'scoring.self_score_entered',
        });
      }
      return this.store.sheetResponse(manager, ctx, unit, sheet);
    });
  }

  /** Every entry checked; any problem → `self_scores_invalid` (422) listing them all by field path. */
  private async checkEntries(
    manager: EntityManager,
    ctx: PeriodContext,
    unitId: string,
    entries: SelfScoreEntryDto[],
    stored: ReadonlyMap<string, ScoreEntry>,
  ): Promise<CheckedEntry[]> {
    const cited = entries.flatMap((entry) => entry.progressReportIds ?? []);
    const citable = await citableProgressReportIds(manager, cited, unitId, ctx.cycle.id);
    const errors: FieldError[] = [];
    const checked: CheckedEntry[] = [];
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const path = `entries[${index}]`;
      const refuse = (field: string, error: unknown) => {
        if (!(error instanceof ScoringException)) throw error;
        errors.push({
          field: `${path}.${field}`,
          code: error.code,
          messages: [error.detail ?? error.definition.title],
        });
      };
      let item: ScoreItem;
      try {
        item = findScoreItem(ctx.tree, entry.itemCode);
      } catch (error) {
        return refuse('itemCode', error);
      }
      if (seen.has(item.code)) {
        return refuse(
          'itemCode',
          new ScoringException(
            ScoringErrorCode.ItemListedTwice,
            `${item.code} is listed more than once; list it once.`,
          ),
        );
      }
      seen.add(item.code);
      let ok = true;
      let selfScore = '';
      try {
        selfScore = checkedPoints(item, entry.selfScore, 'selfScore');
      } catch (error) {
        refuse('selfScore', error);
        ok = false;
      }
      try {
        if (entry.progressReportIds?.length) assertCited(entry.progressReportIds, citable);
      } catch (error) {
        refuse('progressReportIds', error);
        ok = false;
      }
      const version = stored.get(item.code)?.version;
      if (entry.expectedVersion !== undefined && entry.expectedVersion !== version) {
        errors.push({
          field: `${path}.expectedVersion`,
          code: CommonErrorCode.ConcurrentUpdate,
          messages: [
            `${item.code} changed since you read it (version ${version ?? 'none'}, you sent ${entry.expectedVersion}); read it again.`,
          ],
        });
        ok = false;
      }
      if (ok) checked.push({ item, selfScore, dto: entry });
    });
    if (errors.length > 0) {
      throw new ScoringException(
        ScoringErrorCode.SelfScoresInvalid,
        `${new Set(errors.map((e) => e.field.split('.')[0])).size} of ${entries.length} entries are refused ` +
          '(see `errors`); nothing was stored.',
        { errors },
      );
    }
    return checked;
  }
}
