import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';
import { explainConstraint } from '../../common/errors/constraint-errors';

export enum ScoringErrorCode {
  PeriodNotFound = 'scoring_period_not_found',
  UnitNotMember = 'scoring_unit_not_member',
  ItemNotFound = 'item_not_found',
  EntryNotFound = 'entry_not_found',
  AssignmentNotFound = 'review_assignment_not_found',
  ReviewerNotFound = 'reviewer_not_found',
  RulesNotPinned = 'rules_not_pinned',
  CyclePhaseNotScoring = 'cycle_phase_not_scoring',
  PeriodNameTaken = 'scoring_period_name_taken',
  PeriodDatesInvalid = 'scoring_period_dates_invalid',
  PeriodAdopted = 'period_adopted',
  NotClusterSecretariat = 'scoring_not_cluster_secretariat',
  SelfScoringClosed = 'self_scoring_closed',
  SheetNotDraft = 'sheet_not_draft',
  SheetNotSubmitted = 'sheet_not_submitted',
  SheetNotVisible = 'sheet_not_visible',
  SheetIncomplete = 'sheet_incomplete',
  SheetEntryForbidden = 'sheet_entry_forbidden',
  ScoreOnParent = 'score_on_parent',
  ScoreOutOfRange = 'score_out_of_range',
  ReviewerFromSameUnit = 'reviewer_from_same_unit',
  ReviewerAlreadyAssigned = 'reviewer_already_assigned',
  AssignmentHasReviews = 'review_assignment_has_reviews',
  NotAssignedReviewer = 'not_assigned_reviewer',
  ReviewerOwnUnit = 'reviewer_own_unit',
  NoDifferenceToExplain = 'no_difference_to_explain',
  ExplanationClosed = 'explanation_closed',
  FinalReasonRequired = 'final_reason_required',
  ProgressReportNotCitable = 'progress_report_not_citable',
  SelfScoresInvalid = 'self_scores_invalid',
  ItemListedTwice = 'item_listed_twice',
}

const SCORING_ERRORS: Record<ScoringErrorCode, ErrorDefinition> = {
  [ScoringErrorCode.PeriodNotFound]: { status: 404, title: 'No such scoring period' },
  [ScoringErrorCode.UnitNotMember]: { status: 422, title: "The unit is not a current member of the cycle's cluster" },
  [ScoringErrorCode.ItemNotFound]: {
    status: 404,
    title: "No criterion or bonus/penalty item with this code in the period's rules",
  },
  [ScoringErrorCode.EntryNotFound]: { status: 404, title: 'No such score entry' },
  [ScoringErrorCode.AssignmentNotFound]: { status: 404, title: 'No such review assignment' },
  [ScoringErrorCode.ReviewerNotFound]: { status: 422, title: 'The reviewer is not an active user' },
  [ScoringErrorCode.RulesNotPinned]: { status: 409, title: 'The cycle has no pinned rules version to score against' },
  [ScoringErrorCode.CyclePhaseNotScoring]: {
    status: 409,
    title: 'Scoring periods are opened only while the cycle is in progress or in evaluation',
  },
  [ScoringErrorCode.PeriodNameTaken]: { status: 409, title: 'The cycle already has a scoring period with this name' },
  [ScoringErrorCode.PeriodDatesInvalid]: {
    status: 422,
    title: 'The explanation deadline must not precede self-scoring',
  },
  [ScoringErrorCode.PeriodAdopted]: {
    status: 409,
    title: 'The scoring period is adopted: its scores can no longer change',
  },
  [ScoringErrorCode.NotClusterSecretariat]: {
    status: 403,
    title: "Only the cluster's secretariat or an administrator may do this",
  },
  [ScoringErrorCode.SelfScoringClosed]: { status: 409, title: 'The self-scoring deadline has passed' },
  [ScoringErrorCode.SheetNotDraft]: { status: 409, title: 'Only a draft score sheet can be changed by its unit' },
  [ScoringErrorCode.SheetNotSubmitted]: { status: 409, title: 'Only a submitted score sheet can be reviewed' },
  [ScoringErrorCode.SheetNotVisible]: {
    status: 403,
    title: 'This score sheet is not submitted yet, and not yours to see',
  },
  [ScoringErrorCode.SheetIncomplete]: {
    status: 409,
    title: 'Every leaf criterion needs a self score before submission',
  },
  [ScoringErrorCode.SheetEntryForbidden]: {
    status: 403,
    title: "Only the unit's officer or head may enter its self scores and explanations",
  },
  [ScoringErrorCode.ScoreOnParent]: {
    status: 422,
    title: 'A parent criterion is the sum of its children and is never scored',
  },
  [ScoringErrorCode.ScoreOutOfRange]: { status: 422, title: "The score is below zero or above the item's maximum" },
  [ScoringErrorCode.ReviewerFromSameUnit]: {
    status: 422,
    title: 'A reviewer may not hold a mandate of the unit under review',
  },
  [ScoringErrorCode.ReviewerAlreadyAssigned]: { status: 409, title: 'This reviewer is already assigned to this unit' },
  [ScoringErrorCode.AssignmentHasReviews]: {
    status: 409,
    title: 'The reviewer has already scored this unit; the assignment stays',
  },
  [ScoringErrorCode.NotAssignedReviewer]: { status: 403, title: "You are not assigned to review this unit's sheet" },
  [ScoringErrorCode.ReviewerOwnUnit]: { status: 403, title: 'A reviewer may not score their own unit' },
  [ScoringErrorCode.NoDifferenceToExplain]: {
    status: 409,
    title: 'The reviewed score equals the self score: there is nothing to explain',
  },
  [ScoringErrorCode.ExplanationClosed]: { status: 409, title: 'The explanation deadline has passed' },
  [ScoringErrorCode.FinalReasonRequired]: {
    status: 422,
    title: 'A final score that differs from the reviewed score needs a reason',
  },
  [ScoringErrorCode.ProgressReportNotCitable]: {
    status: 422,
    title: 'Not an approved pledge progress report of this unit and cycle',
  },
  [ScoringErrorCode.SelfScoresInvalid]: {
    status: 422,
    title: 'Some entries of the self scores are refused; nothing was stored',
  },
  [ScoringErrorCode.ItemListedTwice]: { status: 422, title: 'The item is listed twice in one request' },
};

export class ScoringException extends DomainException<ScoringErrorCode> {
  readonly definitions = SCORING_ERRORS;

  static periodNotFound(id: string): ScoringException {
    return new ScoringException(ScoringErrorCode.PeriodNotFound, `There is no scoring period with id ${id}.`, {
      periodId: id,
    });
  }

  static periodAdopted(periodId: string): ScoringException {
    return new ScoringException(
      ScoringErrorCode.PeriodAdopted,
      'The scores of this period were adopted and are final; nothing in it can change.',
      { periodId },
    );
  }

  static sheetNotSubmitted(sheet: { status: string } | null): ScoringException {
    return new ScoringException(
      ScoringErrorCode.SheetNotSubmitted,
      sheet
        ? "The unit's head has not submitted this sheet (or it was returned to the unit)."
        : 'The unit has not scored itself in this period yet.',
      { status: sheet?.status ?? null },
    );
  }

  static periodNameTaken(): ScoringException {
    return new ScoringException(ScoringErrorCode.PeriodNameTaken, 'Choose another name for the scoring period.');
  }

  static reviewerAlreadyAssigned(): ScoringException {
    return new ScoringException(
      ScoringErrorCode.ReviewerAlreadyAssigned,
      'This person is already assigned to review this unit in this period.',
    );
  }
}

explainConstraint('uq_scoring_periods_cycle_name', () => ScoringException.periodNameTaken());
explainConstraint('uq_review_assignments', () => ScoringException.reviewerAlreadyAssigned());
