import { isLeaf, type CriterionNode, type RulesContent } from '../rules';
import type { ScoreItemKind } from './score-entry.entity';

/**
 * Score arithmetic, in one place for the sheets and the ranking. Points are exact decimals with
 * two places (numeric(10,2) in the database, strings in TypeScript); sums are taken in integer
 * hundredths (bigint), never in floating point, and written back as strings with two places.
 */

export type ScoreStage = 'self' | 'reviewed' | 'final';

export const SCORE_STAGES: readonly ScoreStage[] = ['self', 'reviewed', 'final'];

/** The criteria tree and bonus/penalty items of a rules version. */
export type ScoreTree = RulesContent['scoring'];

/** The three scores of an entry, as the database returns them (numeric → string, or null). */
export interface ScoreValues {
  itemCode: string;
  selfScore: string | null;
  reviewedScore: string | null;
  finalScore: string | null;
}

export interface SheetTotals {
  /** Sum over the leaf criteria. */
  criteria: string;
  bonus: string;
  penalty: string;
  /** criteria + bonus − penalty. */
  total: string;
  /** Subtotal per top-level criteria group (a top-level leaf is its own group), by code. */
  groups: Record<string, string>;
}

const POINTS = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/;

/** `"12.5"`, `12.5`, `"-1"` → hundredths as a bigint; null when not a decimal with at most 2 places. */
export function parsePoints(value: unknown): bigint | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const match = POINTS.exec(text);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return minus ? -hundredths : hundredths;
}

/** Hundredths of a stored or configured value; a rules maximum with more places is rounded to hundredths. */
export function toHundredths(value: string | number): bigint {
  const parsed = parsePoints(value);
  if (parsed !== null) return parsed;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.round(value * 100));
  throw new RangeError(`Not a number of points: ${String(value)}`);
}

/** Hundredths → `"12.50"`, `"-3.00"`. */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${fraction}`;
}

/** A score as it is stored and shown: two decimal places. */
export function normalizePoints(value: string | number): string {
  return formatHundredths(toHundredths(value));
}

/**
 * The final score of an entry: the secretariat's final when it fixed one; otherwise the
 * reviewed score when there is one; otherwise the unit's self score; null when none is entered.
 * The sheets and the ranking both use this rule.
 */
export function effectiveFinal(entry: Pick<ScoreValues, 'selfScore' | 'reviewedScore' | 'finalScore'>): string | null {
  return entry.finalScore ?? entry.reviewedScore ?? entry.selfScore;
}

/**
 * The score of an entry at a stage: `self` is the self score; `reviewed` is the reviewed score,
 * or the self score where the reviewer entered none; `final` is `effectiveFinal`. Missing → null
 * (counted as 0 in totals).
 */
export function stageScore(
  entry: Pick<ScoreValues, 'selfScore' | 'reviewedScore' | 'finalScore'>,
  stage: ScoreStage,
): string | null {
  switch (stage) {
    case 'self':
      return entry.selfScore;
    case 'reviewed':
      return entry.reviewedScore ?? entry.selfScore;
    case 'final':
      return effectiveFinal(entry);
  }
}

/** A scorable line of the tree: a leaf criterion, or a bonus or penalty item, with its maximum. */
export interface ScoreItem {
  code: string;
  kind: ScoreItemKind;
  /** A leaf's maxPoints, or a bonus/penalty item's cap, in hundredths. */
  max: bigint;
  /** The top-level group a leaf belongs to (null for bonus/penalty). */
  groupCode: string | null;
}

export interface CompiledScoreTree {
  items: Map<string, ScoreItem>;
  /** Codes of the parent criteria (they are sums, never scored). */
  parents: Set<string>;
  /** Top-level group codes, in tree order. */
  groupCodes: string[];
}

const compiled = new WeakMap<ScoreTree, CompiledScoreTree>();

/** The tree indexed by item code (memoised per tree object, so ranking many sheets compiles once). */
export function compileScoreTree(tree: ScoreTree): CompiledScoreTree {
  const cached = compiled.get(tree);
  if (cached) return cached;
  const items = new Map<string, ScoreItem>();
  const parents = new Set<string>();
  const visit = (node: CriterionNode, groupCode: string) => {
    if (isLeaf(node)) {
      items.set(node.code, { code: node.code, kind: 'criterion', max: toHundredths(node.maxPoints ?? 0), groupCode });
      return;
    }
    parents.add(node.code);
    for (const child of node.children!) visit(child, groupCode);
  };
  for (const group of tree.criteria) visit(group, group.code);
  for (const item of tree.bonus)
    items.set(item.code, { code: item.code, kind: 'bonus', max: toHundredths(item.cap), groupCode: null });
  for (const item of tree.penalty) {
    items.set(item.code, { code: item.code, kind: 'penalty', max: toHundredths(item.cap), groupCode: null });
  }
  const result: CompiledScoreTree = { items, parents, groupCodes: tree.criteria.map((group) => group.code) };
  compiled.set(tree, result);
  return result;
}

/**
 * A sheet's totals at a stage. Only leaves and bonus/penalty items are summed (a parent is the
 * sum of its children); entries whose code is not in the tree are ignored; a missing score
 * counts as 0. total = criteria + bonus − penalty (it may be negative).
 */
export function sheetTotals(tree: ScoreTree, entries: Iterable<ScoreValues>, stage: ScoreStage): SheetTotals {
  const { items, groupCodes } = compileScoreTree(tree);
  const groups = new Map<string, bigint>(groupCodes.map((code) => [code, 0n]));
  const sums: Record<ScoreItemKind, bigint> = { criterion: 0n, bonus: 0n, penalty: 0n };
  for (const entry of entries) {
    const item = items.get(entry.itemCode);
    const score = item ? stageScore(entry, stage) : null;
    if (!item || score === null) continue;
    const points = toHundredths(score);
    sums[item.kind] += points;
    if (item.groupCode !== null) groups.set(item.groupCode, groups.get(item.groupCode)! + points);
  }
  return {
    criteria: formatHundredths(sums.criterion),
    bonus: formatHundredths(sums.bonus),
    penalty: formatHundredths(sums.penalty),
    total: formatHundredths(sums.criterion + sums.bonus - sums.penalty),
    groups: Object.fromEntries([...groups].map(([code, sum]) => [code, formatHundredths(sum)])),
  };
}

/**
 * The subtotal of every criteria node (leaves and parents) at a stage, in hundredths, by code —
 * what the sheet shows next to each parent.
 */
export function nodeSubtotals(
  criteria: readonly CriterionNode[],
  scoreOf: (leafCode: string) => string | null,
): Map<string, bigint> {
  const subtotals = new Map<string, bigint>();
  const visit = (node: CriterionNode): bigint => {
    let sum: bigint;
    if (isLeaf(node)) {
      const score = scoreOf(node.code);
      sum = score === null ? 0n : toHundredths(score);
    } else {
      sum = node.children!.reduce((acc, child) => acc + visit(child), 0n);
    }
    subtotals.set(node.code, sum);
    return sum;
  };
  criteria.forEach(visit);
  return subtotals;
}
