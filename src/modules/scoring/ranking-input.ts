import type { EntityManager } from 'typeorm';
import { cycleOrThrow, type CycleFacts } from '../cycles';
import { currentMemberUnits } from '../registry';
import { findRulesVersion, type RulesContent } from '../rules';
import type { UnitScore } from './ranking';
import type { MissingSheetUnit } from './ranking.exception';
import { sheetTotals, type ScoreStage, type ScoreValues } from './score-values';
import type { ScoringPeriod } from './scoring-period.entity';

/** What a ranking is computed from: the period's rules, its submitted sheets' totals, who is missing. */
export interface RankingInput {
  cycle: Pick<CycleFacts, 'id' | 'year' | 'clusterId'>;
  rules: RulesContent;
  scores: UnitScore[];
  missingUnits: MissingSheetUnit[];
}

export interface MemberRow {
  id: string;
  code: string;
  name: string;
  women_led: boolean;
  sheet_status: 'draft' | 'submitted' | null;
}

export interface EntryRow {
  unit_id: string;
  item_code: string;
  self_score: string | null;
  reviewed_score: string | null;
  final_score: string | null;
}

/** The status of the sheets of the period ($1) of these units ($2): one sheet per unit and period. */
const SHEET_STATUSES_SQL = `
  SELECT s.unit_id, s.status FROM score_sheets s WHERE s.period_id = $1 AND s.unit_id = ANY($2::uuid[])`;

/** Every entry of the period's ($1) submitted sheets, scores as text (numeric, exact). */
export const RANKING_ENTRIES_SQL = `
  SELECT s.unit_id, e.item_code, e.self_score, e.reviewed_score, e.final_score
    FROM score_entries e
    JOIN score_sheets s ON s.id = e.sheet_id
   WHERE s.period_id = $1 AND s.status = 'submitted'`;

export function findPeriodCycle(manager: EntityManager, period: ScoringPeriod): Promise<CycleFacts> {
  return cycleOrThrow(manager, period.cycleId);
}

/** The cluster's current member units, by code, with the status of their sheet for the period. */
export async function rankingMembers(
  manager: EntityManager,
  clusterId: string,
  periodId: string,
): Promise<MemberRow[]> {
  const units = await currentMemberUnits(manager, clusterId);
  const sheets = (await manager.query(SHEET_STATUSES_SQL, [periodId, units.map((unit) => unit.unitId)])) as {
    unit_id: string;
    status: 'draft' | 'submitted';
  }[];
  const statusOf = new Map(sheets.map((sheet) => [sheet.unit_id, sheet.status]));
  return units.map((unit) => ({
    id: unit.unitId,
    code: unit.code,
    name: unit.name,
    women_led: unit.womenLed,
    sheet_status: statusOf.get(unit.unitId) ?? null,
  }));
}

/**
 * Loads a period's ranking data in a fixed number of queries, whatever the number of units: the
 * rules version, the current member units with their sheet's status, and every entry of the
 * submitted sheets in one query (numeric read as text, summed exactly by `sheetTotals`). Only
 * current member units with a submitted sheet are ranked. Pass the transaction's manager when
 * inside one (and read in one snapshot, so the rows and the missing units agree).
 */
export async function loadRankingInput(
  manager: EntityManager,
  period: ScoringPeriod,
  cycle: CycleFacts,
  stage: ScoreStage,
): Promise<RankingInput> {
  const rulesVersion = await findRulesVersion(manager, period.rulesVersionId);
  if (!rulesVersion) throw new Error(`Rules version ${period.rulesVersionId} of period ${period.id} is missing`);
  const rules = rulesVersion.content;

  const members = await rankingMembers(manager, cycle.clusterId, period.id);
  const entries = (await manager.query(RANKING_ENTRIES_SQL, [period.id])) as EntryRow[];

  const { scores, missingUnits } = rankingScores(rules, members, entries, stage);
  return { cycle: { id: cycle.id, year: cycle.year, clusterId: cycle.clusterId }, rules, scores, missingUnits };
}

/** The in-memory part: entries grouped by unit, each submitted sheet summed exactly at the stage. */
export function rankingScores(
  rules: RulesContent,
  members: readonly MemberRow[],
  entries: readonly EntryRow[],
  stage: ScoreStage,
): Pick<RankingInput, 'scores' | 'missingUnits'> {
  const byUnit = new Map<string, ScoreValues[]>();
  for (const row of entries) {
    let list = byUnit.get(row.unit_id);
    if (!list) byUnit.set(row.unit_id, (list = []));
    list.push({
      itemCode: row.item_code,
      selfScore: row.self_score,
      reviewedScore: row.reviewed_score,
      finalScore: row.final_score,
    });
  }

  // Only `higher_final_score` needs the final total next to another stage's.
  const needsFinal = stage !== 'final' && rules.voting.tieBreak.includes('higher_final_score');
  const scores: UnitScore[] = [];
  const missingUnits: MissingSheetUnit[] = [];
  for (const member of members) {
    const unit = { unitId: member.id, unitCode: member.code, unitName: member.name };
    if (member.sheet_status !== 'submitted') {
      missingUnits.push({ ...unit, sheetStatus: member.sheet_status });
      continue;
    }
    const sheet = byUnit.get(member.id) ?? [];
    const totals = sheetTotals(rules.scoring, sheet, stage);
    const finalTotal = needsFinal ? sheetTotals(rules.scoring, sheet, 'final').total : totals.total;
    scores.push({ ...unit, womenLed: member.women_led, ...totals, finalTotal });
  }
  return { scores, missingUnits };
}
