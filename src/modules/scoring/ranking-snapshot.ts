import { canonicalJson, sha256Hex } from '../ledger';
import type { TieBreak } from '../rules';
import { toRankingRow, type RankingGroupDto, type RankingResponseDto, type RankingRowDto } from './dto/ranking.dto';
import type { RankingOutcome } from './ranking';
import type { RankingInput } from './ranking-input';
import type { AdoptedRanking, ScoringPeriod } from './scoring-period.entity';

/**
 * The adopted ranking as stored in `scoring_periods.adopted_ranking` (immutable with the period):
 * everything the table shows, so it is never recomputed — unit names and rules may change later,
 * the adopted result does not.
 */
export interface StoredRanking extends AdoptedRanking {
  rows: RankingRowDto[];
  tieBreaks: TieBreak[];
  tieBreakOrder: TieBreak[];
  groups: RankingGroupDto[];
  /** SHA-256 of canonicalJson(rows): the same digest as the ledger's `scoring.ranking_adopted`. */
  rankingDigest: string;
  /** The seed of the draw, when one was needed (also in the ledger's `scoring.draw_seeded`, recorded first). */
  drawSeed: string | null;
}

export function rankingDigest(rows: readonly RankingRowDto[]): string {
  return sha256Hex(canonicalJson(rows));
}

export function rankingGroups(input: Pick<RankingInput, 'rules'>): RankingGroupDto[] {
  return input.rules.scoring.criteria.map((group) => ({ code: group.code, name: group.name }));
}

export function toStoredRanking(
  input: RankingInput,
  outcome: RankingOutcome,
  leadingUnitId: string | null,
  drawSeed: string | null,
): StoredRanking {
  const rows = outcome.rows.map(toRankingRow);
  return {
    stage: 'final',
    rows,
    leadingUnitId,
    tieBreaks: outcome.tieBreaks,
    tieBreakOrder: input.rules.voting.tieBreak,
    groups: rankingGroups(input),
    rankingDigest: rankingDigest(rows),
    drawSeed,
  };
}

/** The adopted snapshot as the API shows it; an adopted period has no missing units (adoption refuses them). */
export function adoptedRankingResponse(period: ScoringPeriod): RankingResponseDto {
  // Partial only for periods written behind the API (test fixtures): every field has a fallback.
  const stored = period.adoptedRanking as Partial<StoredRanking>;
  return {
    periodId: period.id,
    periodName: period.name,
    cycleId: period.cycleId,
    rulesVersionId: period.rulesVersionId,
    stage: 'final',
    adopted: true,
    adoptedAt: period.adoptedAt?.toISOString() ?? null,
    tieBreakOrder: stored.tieBreakOrder ?? [],
    tieBreaks: stored.tieBreaks ?? [],
    leadingUnitId: stored.leadingUnitId ?? null,
    rankingDigest: stored.rankingDigest ?? null,
    groups: stored.groups ?? [],
    rows: stored.rows ?? [],
    missingUnits: [],
  };
}

/** A ranking computed now (before adoption, or another stage than final). */
export function liveRankingResponse(
  period: ScoringPeriod,
  input: RankingInput,
  outcome: RankingOutcome,
  stage: RankingResponseDto['stage'],
): RankingResponseDto {
  return {
    periodId: period.id,
    periodName: period.name,
    cycleId: period.cycleId,
    rulesVersionId: period.rulesVersionId,
    stage,
    adopted: false,
    adoptedAt: period.adoptedAt?.toISOString() ?? null,
    tieBreakOrder: input.rules.voting.tieBreak,
    tieBreaks: outcome.tieBreaks,
    leadingUnitId: null,
    rankingDigest: null,
    groups: rankingGroups(input),
    rows: outcome.rows.map(toRankingRow),
    missingUnits: input.missingUnits,
  };
}
