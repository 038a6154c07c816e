import { createHash } from 'node:crypto';
import type { TieBreak } from '../rules';
import { toHundredths, type SheetTotals } from './score-values';

/**
 * The ranking of member units (xếp hạng) from their sheets' totals: total descending, ties broken
 * in the rules version's `voting.tieBreak` order. Pure functions; the service loads the data.
 */

/** A unit's sheet totals at the stage asked for, plus what the tie-breaks compare. */
export interface UnitScore extends SheetTotals {
  unitId: string;
  unitCode: string;
  unitName: string;
  womenLed: boolean;
  /** The final total (`effectiveFinal` of every entry): what `higher_final_score` compares. */
  finalTotal: string;
}

export interface RankedUnit extends UnitScore {
  /** Competition ranking: tied units share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** Still tied with a neighbour after every tie-break the rules allow before a draw. */
  tied: boolean;
}

export interface RankingOutcome {
  rows: RankedUnit[];
  /** The tie-breaks that separated at least two units with equal totals, in the rules' order. */
  tieBreaks: TieBreak[];
  /** Groups of unit ids still tied (each of two or more), best rank first. */
  tiedGroups: string[][];
}

export const DRAW_METHOD = 'sha256(seed + unitId) as lowercase hex, ascending';

type Comparator = (a: ScoredUnit, b: ScoredUnit) => number;

interface ScoredUnit {
  score: UnitScore;
  total: bigint;
  finalTotal: bigint;
}

const descending = (a: bigint, b: bigint): number => (a === b ? 0 : a > b ? -1 : 1);

/** The non-draw tie-breaks; `recorded_draw` ends the list (what comes after it never decides). */
const TIE_BREAKS: Record<Exclude<TieBreak, 'recorded_draw'>, Comparator> = {
  // At the final stage equal totals are equal finals, so this separates nothing there.
  higher_final_score: (a, b) => descending(a.finalTotal, b.finalTotal),
  women_led_unit: (a, b) => Number(b.score.womenLed) - Number(a.score.womenLed),
};

function tieBreaksBeforeDraw(order: readonly TieBreak[]): Exclude<TieBreak, 'recorded_draw'>[] {
  const drawAt = order.indexOf('recorded_draw');
  return (drawAt === -1 ? order : order.slice(0, drawAt)) as Exclude<TieBreak, 'recorded_draw'>[];
}

/**
 * Orders the units and gives them ranks. Units tied on the total and on every tie-break before
 * `recorded_draw` share a rank and are marked `tied` (listed by unit code); the draw is applied
 * only at adoption (`applyDraw`).
 */
export function rankUnits(scores: readonly UnitScore[], order: readonly TieBreak[]): RankingOutcome {
  const breaks = tieBreaksBeforeDraw(order);
  const comparators = breaks.map((name) => TIE_BREAKS[name]);
  const units: ScoredUnit[] = scores.map((score) => ({
    score,
    total: toHundredths(score.total),
    finalTotal: toHundredths(score.finalTotal),
  }));
  const decide = (a: ScoredUnit, b: ScoredUnit): number => {
    const byTotal = descending(a.total, b.total);
    if (byTotal !== 0) return byTotal;
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
  units.sort((a, b) => decide(a, b) || a.score.unitCode.localeCompare(b.score.unitCode));

  const applied = new Set<TieBreak>();
  const rows: RankedUnit[] = [];
  const tiedGroups: string[][] = [];
  for (let i = 0; i < units.length; i++) {
    const previous = units[i - 1];
    const unit = units[i];
    if (previous && previous.total === unit.total) {
      const decisive = comparators.findIndex((compare) => compare(previous, unit) !== 0);
      if (decisive !== -1) applied.add(breaks[decisive]);
    }
    const tiedWithPrevious = previous !== undefined && decide(previous, unit) === 0;
    if (tiedWithPrevious) {
      rows[i - 1].tied = true;
      const group = tiedGroups[tiedGroups.length - 1];
      if (group?.includes(previous.score.unitId)) group.push(unit.score.unitId);
      else tiedGroups.push([previous.score.unitId, unit.score.unitId]);
    }
    rows.push({ ...unit.score, rank: tiedWithPrevious ? rows[i - 1].rank : i + 1, tied: tiedWithPrevious });
  }
  return { rows, tieBreaks: breaks.filter((name) => applied.has(name)), tiedGroups };
}

/** The draw key of a unit: anyone holding the seed recomputes the order. */
export function drawKey(seed: string, unitId: string): string {
  return createHash('sha256')
    .update(seed + unitId)
    .digest('hex');
}

/**
 * Settles the remaining ties with the recorded seed: within each tied group the units are ordered
 * by `drawKey` ascending and get consecutive ranks; nothing stays tied.
 */
export function applyDraw(outcome: RankingOutcome, seed: string): RankingOutcome {
  if (outcome.tiedGroups.length === 0) return outcome;
  const rows = [...outcome.rows];
  for (const group of outcome.tiedGroups) {
    const start = rows.findIndex((row) => row.unitId === group[0]);
    const drawn = rows
      .slice(start, start + group.length)
      .map((row) => ({ row, key: drawKey(seed, row.unitId) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const firstRank = rows[start].rank;
    drawn.forEach(({ row }, offset) => {
      rows[start + offset] = { ...row, rank: firstRank + offset, tied: false };
    });
  }
  return { rows, tieBreaks: [...outcome.tieBreaks, 'recorded_draw'], tiedGroups: [] };
}

/** The unit ranked first alone, or null when nobody is (no rows, or a tie at the top). */
export function leadingUnitId(rows: readonly Pick<RankedUnit, 'unitId' | 'rank'>[]): string | null {
  const first = rows.filter((row) => row.rank === 1);
  return first.length === 1 ? first[0].unitId : null;
}
