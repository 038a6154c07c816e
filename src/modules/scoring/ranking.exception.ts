import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

/** Refusals of the ranking and its adoption; the period's own (not found, adopted) are `ScoringException`s. */
export enum RankingErrorCode {
  RankingNotVisible = 'ranking_not_visible',
  SheetsMissing = 'sheets_missing',
}

const RANKING_ERRORS: Record<RankingErrorCode, ErrorDefinition> = {
  [RankingErrorCode.RankingNotVisible]: {
    status: 403,
    title: "Only the cluster's people and administrators may read its ranking",
  },
  [RankingErrorCode.SheetsMissing]: {
    status: 409,
    title: 'Some member units have no submitted score sheet: the ranking cannot be adopted yet',
  },
};

export interface MissingSheetUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  sheetStatus: 'draft' | null;
}

export class RankingException extends DomainException<RankingErrorCode> {
  readonly definitions = RANKING_ERRORS;

  static notVisible(): RankingException {
    return new RankingException(
      RankingErrorCode.RankingNotVisible,
      'The ranking is visible to people holding a mandate of the cluster or of one of its member units, and to administrators.',
    );
  }

  static sheetsMissing(units: MissingSheetUnit[]): RankingException {
    return new RankingException(
      RankingErrorCode.SheetsMissing,
      `${units.length} member unit(s) have not submitted their score sheet: ${units.map((u) => u.unitName).join(', ')}.`,
      { units },
    );
  }
}
