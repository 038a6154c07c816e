import type { TieBreak } from '../rules';
import { drawKey, toHundredths } from '../scoring';

/** What the tie-breaks compare about a candidate. */
export interface TieBreakFacts {
  unitId: string;
  /** The unit's final score in the cycle's adopted ranking, when there is one. */
  finalScore: string | null;
  womenLed: boolean;
}

/** How one tie was settled: among whom, for how many places, by which rule, who got them. */
export interface TieBreakRecord {
  among: string[];
  places: number;
  decidedBy: TieBreak;
  selected: string[];
}

export type PlacesOutcome<T> =
  | { kind: 'decided'; selected: T[]; records: TieBreakRecord[] }
  | { kind: 'needs_draw'; among: string[] }
  /** `selected`: those placed for sure; `among` still tied for the `places` left. */
  | { kind: 'unresolved'; selected: T[]; among: string[]; places: number; records: TieBreakRecord[] };

const score = (facts: TieBreakFacts): bigint => (facts.finalScore === null ? -1n : toHundredths(facts.finalScore));

/** A rule's key for a candidate: larger is preferred (the draw: smaller key is preferred, so negated order). */
function keyOf(rule: TieBreak, facts: TieBreakFacts, seed: string | null): bigint | string {
  if (rule === 'higher_final_score') return score(facts);
  if (rule === 'women_led_unit') return facts.womenLed ? 1n : 0n;
  return drawKey(seed!, facts.unitId);
}

function better(rule: TieBreak, a: bigint | string, b: bigint | string): number {
  if (rule === 'recorded_draw') return a < b ? -1 : a > b ? 1 : 0; // ascending hex: first is preferred
  return a > b ? -1 : a < b ? 1 : 0;
}

/**
 * Picks `places` of `tied` (equal on the count) by the rules' tie-break order. Each rule splits
 * the group into classes; whole classes that fit are taken, and the class straddling the cut goes
 * on to the next rule. A `recorded_draw` needs the seed: without it the caller is told to record
 * one first (ledger) and ask again. When the rules run out, the tie stays unresolved.
 */
export function breakTie<T extends TieBreakFacts>(
  tied: T[],
  places: number,
  order: readonly TieBreak[],
  seed: string | null,
): PlacesOutcome<T> {
  const selected: T[] = [];
  const records: TieBreakRecord[] = [];
  let group = [...tied];
  let left = places;
  for (const rule of order) {
    if (left === 0 || group.length <= left) break;
    if (rule === 'recorded_draw' && seed === null) return { kind: 'needs_draw', among: group.map((c) => c.unitId) };
    const keyed = group.map((candidate) => ({ candidate, key: keyOf(rule, candidate, seed) }));
    keyed.sort((a, b) => better(rule, a.key, b.key));
    const boundary = keyed[left - 1].key;
    const ahead = keyed.filter((k) => better(rule, k.key, boundary) < 0).map((k) => k.candidate);
    const atCut = keyed.filter((k) => better(rule, k.key, boundary) === 0).map((k) => k.candidate);
    if (ahead.length === 0 && atCut.length === group.length) continue; // this rule separates nothing here
    const taken = atCut.length <= left - ahead.length ? [...ahead, ...atCut] : ahead;
    records.push({
      among: group.map((c) => c.unitId),
      places: left,
      decidedBy: rule,
      selected: (taken.length === left ? taken : ahead).map((c) => c.unitId),
    });
    selected.push(...taken);
    left -= taken.length;
    group = taken.length === ahead.length + atCut.length ? [] : atCut;
  }
  if (left === 0) return { kind: 'decided', selected, records };
  if (group.length <= left) return { kind: 'decided', selected: [...selected, ...group], records };
  return { kind: 'unresolved', selected, among: group.map((c) => c.unitId), places: left, records };
}

/**
 * The best `places` items by `count` (descending); ties at the cut go to `breakTie`.
 */
export function topByCount<T extends TieBreakFacts & { count: number }>(
  items: readonly T[],
  places: number,
  order: readonly TieBreak[],
  seed: string | null,
): PlacesOutcome<T> {
  const sorted = [...items].sort((a, b) => b.count - a.count);
  if (sorted.length <= places) return { kind: 'decided', selected: sorted, records: [] };
  if (places <= 0) return { kind: 'decided', selected: [], records: [] };
  const cut = sorted[places - 1].count;
  const ahead = sorted.filter((item) => item.count > cut);
  const tied = sorted.filter((item) => item.count === cut);
  if (ahead.length + tied.length <= places) return { kind: 'decided', selected: [...ahead, ...tied], records: [] };
  const outcome = breakTie(tied, places - ahead.length, order, seed);
  if (outcome.kind === 'needs_draw') return outcome;
  return { ...outcome, selected: [...ahead, ...outcome.selected] };
}
