import type { Schemas } from '../../api/client';
import { hundredthsOf } from './points';
import { entryOf, type ScoreLine, type SheetCriterion } from './sheet-tree';

type Sheet = Schemas['ScoreSheetResponseDto'];

/** One line of the sheet as shown: a criterion (leaf or parent, with its depth) or a bonus/penalty item. */
export interface SheetRow {
  key: string;
  code: string;
  name: string;
  depth: number;
  kind: 'parent' | 'leaf' | 'bonus' | 'penalty';
  /** The leaf's maximum or the item's cap, in points. */
  max: number;
  entry: ScoreLine | null;
  /** For a parent: the codes of its leaves, whose typed scores make its subtotal. */
  leafCodes: string[];
}

/** What the form holds: per item code, the self score as typed and the note. */
export interface SheetFormValues {
  scores?: Record<string, { selfScore?: string; selfNote?: string } | undefined>;
}

function criterionRows(criteria: SheetCriterion[], depth: number): SheetRow[] {
  return criteria.flatMap((criterion) => {
    const leaf = criterion.leaf || !criterion.children?.length;
    const below = leaf ? [] : criterionRows(criterion.children ?? [], depth + 1);
    const row: SheetRow = {
      key: `criterion:${criterion.code}`,
      code: criterion.code,
      name: criterion.name,
      depth,
      kind: leaf ? 'leaf' : 'parent',
      max: criterion.maxPoints,
      entry: leaf ? entryOf(criterion) : null,
      leafCodes: leaf ? [criterion.code] : below.filter((r) => r.kind === 'leaf').map((r) => r.code),
    };
    return [row, ...below];
  });
}

/** The criteria tree in reading order, then the bonus and the penalty items. */
export function sheetRows(sheet: Sheet): SheetRow[] {
  const items = (kind: 'bonus' | 'penalty') =>
    sheet[kind].map<SheetRow>((item) => ({
      key: `${kind}:${item.code}`,
      code: item.code,
      name: item.name,
      depth: 0,
      kind,
      max: item.cap,
      entry: item.entry ?? null,
      leafCodes: [item.code],
    }));
  return [...criterionRows(sheet.criteria, 0), ...items('bonus'), ...items('penalty')];
}

/** The form's starting values: what is stored. */
export function sheetFormValues(rows: SheetRow[]): SheetFormValues {
  return {
    scores: Object.fromEntries(
      rows
        .filter((row) => row.kind !== 'parent')
        .map((row) => [row.code, { selfScore: row.entry?.selfScore ?? '', selfNote: row.entry?.selfNote ?? '' }]),
    ),
  };
}

const typedHundredths = (values: SheetFormValues, code: string) => hundredthsOf(values.scores?.[code]?.selfScore) ?? 0n;

/** Sum of a row's leaves as typed (0 for a leaf left empty or mistyped), in hundredths. */
export function subtotalOf(row: SheetRow, values: SheetFormValues): bigint {
  return row.leafCodes.reduce((sum, code) => sum + typedHundredths(values, code), 0n);
}

/** The sheet's totals as typed: criteria (the leaves) + bonus − penalty, in hundredths. */
export function typedTotals(rows: SheetRow[], values: SheetFormValues) {
  const sum = (kind: SheetRow['kind']) =>
    rows.filter((row) => row.kind === kind).reduce((total, row) => total + typedHundredths(values, row.code), 0n);
  const criteria = sum('leaf');
  const bonus = sum('bonus');
  const penalty = sum('penalty');
  return { criteria, bonus, penalty, total: criteria + bonus - penalty };
}

/** The lines to send: typed, and different from what is stored (score or note). */
export function changedEntries(rows: SheetRow[], values: SheetFormValues) {
  return rows
    .filter((row) => row.kind !== 'parent')
    .flatMap((row) => {
      const typed = values.scores?.[row.code];
      const score = hundredthsOf(typed?.selfScore);
      if (score === null) return [];
      const stored = hundredthsOf(row.entry?.selfScore);
      const note = (typed?.selfNote ?? '').trim();
      if (stored === score && note === (row.entry?.selfNote ?? '')) return [];
      return [
        {
          itemCode: row.code,
          selfScore: (typed?.selfScore ?? '').trim().replace(',', '.'),
          selfNote: note === '' ? null : note,
          ...(row.entry?.version != null ? { expectedVersion: row.entry.version } : {}),
        },
      ];
    });
}
