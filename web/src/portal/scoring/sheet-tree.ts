import type { Schemas } from '../../api/client';

export type SheetCriterion = Schemas['SheetCriterionDto'];
export type ScoreLine = Schemas['ScoreLineDto'];

/** The leaves of the criteria tree, in order (only leaves are scored; a parent is their sum). */
export function leavesOf(criteria: SheetCriterion[]): SheetCriterion[] {
  return criteria.flatMap((criterion) =>
    criterion.leaf || !criterion.children?.length ? [criterion] : leavesOf(criterion.children),
  );
}

/** A leaf's entry, or null before anything is entered for it. */
export function entryOf(criterion: SheetCriterion): ScoreLine | null {
  return (criterion.entry as ScoreLine | null | undefined) ?? null;
}

/** Lines whose reviewed score differs from the self score: the unit may explain them. */
export function linesToExplain(sheet: Schemas['ScoreSheetResponseDto']): ScoreLine[] {
  return leavesOf(sheet.criteria)
    .map(entryOf)
    .filter(
      (entry): entry is ScoreLine =>
        entry !== null && entry.reviewedScore !== null && entry.reviewedScore !== entry.selfScore,
    );
}
