import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  EnterExplanationDto,
  EnterSelfScoreDto,
  FixFinalScoreDto,
  ScoreChangeResponseDto,
  ScoreEntryResponseDto,
} from './dto/score-entries.dto';
import { ScoreSheetResponseDto } from './dto/score-sheets.dto';
import { EnterSelfScoresDto, SELF_SCORES_MAX_ENTRIES } from './dto/self-scores.dto';
import { ScoreSheetsService } from './score-sheets.service';
import { SelfScoresService } from './self-scores.service';
import type { IfMatch } from '../../common/versioning/version-precondition';
import { ApiVersionedResponse, IfMatchHeader } from '../../common/versioning/versioning.decorators';

const SHEET = 'scoring-periods/:periodId/units/:unitId';
const ENTRY = `${SHEET}/entries/:itemCode`;
const ITEM_RULES =
  'itemCode is a leaf criterion or a bonus/penalty item of the period’s rules (a parent: 422 score_on_parent; ' +
  'unknown: 404 item_not_found); a score is 0 … the maxPoints or cap with at most 2 decimals (422 ' +
  'score_out_of_range). Refused once the period is adopted (409 period_adopted).';

@ApiTags('scoring')
@Controller()
export class ScoreSheetsController {
  constructor(
    private readonly sheets: ScoreSheetsService,
    private readonly selfScores: SelfScoresService,
  ) {}

  @Get(`${SHEET}/sheet`)
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: "A unit's score sheet",
    description:
      'Every leaf and bonus/penalty item of the tree with its entry (empty when nothing is entered), parents with ' +
      'their subtotals per stage, the totals per stage and the approval request. Before submission only the ' +
      "unit's people, the cluster's secretariat and administrators see it (else 403 sheet_not_visible); after, " +
      'everyone in the cluster and its assigned reviewers.',
  })
  @ApiOkResponse({ type: ScoreSheetResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  get(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
  ): Promise<ScoreSheetResponseDto> {
    return this.sheets.getSheet(actor, periodId, unitId);
  }

  @Get(ENTRY)
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: 'One score entry',
    description:
      'Visible like the sheet; 404 entry_not_found while nothing is entered for the item. The ETag is the ' +
      "entry's version, for If-Match (or `expectedVersion`) of the next self score.",
  })
  @ApiVersionedResponse(ScoreEntryResponseDto)
  @ApiProblems(400, 401, 403, 404, 422)
  getEntry(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
  ): Promise<ScoreEntryResponseDto> {
    return this.sheets.getEntry(actor, periodId, unitId, itemCode);
  }

  @Put(ENTRY)
  @RequirePermission(Permission.ScoresEnter)
  @ApiOperation({
    summary: 'Enter a self score',
    description:
      "The unit's officer or head (403 sheet_entry_forbidden), for a current member unit, until selfScoringDue " +
      '(409 self_scoring_closed), while the sheet is a draft (409 sheet_not_draft). The first score creates the ' +
      'sheet and its approval request. Every changed field is kept in the history. ' +
      ITEM_RULES,
  })
  @ApiOkResponse({ type: ScoreEntryResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  enterSelfScore(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @Body() dto: EnterSelfScoreDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.sheets.enterSelfScore(actor, periodId, unitId, itemCode, dto, ifMatch);
  }

  @Put(`${SHEET}/self-scores`)
  @RequirePermission(Permission.ScoresEnter)
  @ApiOperation({
    summary: "Enter a unit's self scores for a sheet at once",
    description:
      'The whole sheet (or part of it) in one request, one transaction: each entry as the single-entry route takes ' +
      `it, with its itemCode, at most ${SELF_SCORES_MAX_ENTRIES} entries; items not listed keep what they have. The ` +
      "sheet's rules apply to the whole request: the unit's officer or head (403 sheet_entry_forbidden), a current " +
      'member unit (422 scoring_unit_not_member), until selfScoringDue (409 self_scoring_closed), a draft sheet (409 ' +
      'sheet_not_draft), not adopted (409 period_adopted). The rules of an entry (item_not_found, score_on_parent, ' +
      'score_out_of_range, progress_report_not_citable, item_listed_twice, a stale expectedVersion: ' +
      'concurrent_update) are checked for every entry; if any fails, nothing is stored and the answer is 422 ' +
      'self_scores_invalid with one `errors` item per problem: `{field: "entries[3].selfScore", code, messages}`. ' +
      'Answers the sheet as stored.',
  })
  @ApiOkResponse({ type: ScoreSheetResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  enterSelfScores(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Body() dto: EnterSelfScoresDto,
  ): Promise<ScoreSheetResponseDto> {
    return this.selfScores.enterSelfScores(actor, periodId, unitId, dto);
  }

  @Put(`${ENTRY}/explanation`)
  @RequirePermission(Permission.ScoresEnter)
  @ApiOperation({
    summary: 'Explain a difference between the self and reviewed scores',
    description:
      "The unit's officer or head, only where the reviewed score differs from the self score (409 " +
      'no_difference_to_explain), until explanationDue (409 explanation_closed).',
  })
  @ApiOkResponse({ type: ScoreEntryResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  enterExplanation(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @Body() dto: EnterExplanationDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.sheets.enterExplanation(actor, periodId, unitId, itemCode, dto, ifMatch);
  }

  @Put(`${ENTRY}/final`)
  @RequirePermission(Permission.ScoringManage)
  @ApiOperation({
    summary: 'Fix the final score of an item',
    description:
      "Administrators or the cluster's secretariat, on a submitted sheet (409 sheet_not_submitted). A final that " +
      'differs from the reviewed score (or, with no review, the self score) needs a reason (422 ' +
      'final_reason_required). Without a final, an item counts its reviewed score, else its self score. ' +
      ITEM_RULES,
  })
  @ApiOkResponse({ type: ScoreEntryResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  fixFinal(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @Body() dto: FixFinalScoreDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.sheets.fixFinal(actor, periodId, unitId, itemCode, dto, ifMatch);
  }

  @Get(`${ENTRY}/history`)
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({
    summary: 'The history of an entry',
    description:
      'Every change — who, when, which field, old and new value, why — oldest first; visible like the sheet.',
  })
  @ApiPageResponse(ScoreChangeResponseDto)
  @ApiProblems(400, 401, 403, 404, 422)
  history(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ScoreChangeResponseDto>> {
    return this.sheets.history(actor, periodId, unitId, itemCode, query);
  }
}
