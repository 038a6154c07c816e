import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';
import { explainConstraint } from '../../common/errors/constraint-errors';

export enum ReportsErrorCode {
  ReportNotFound = 'report_not_found',
  UnitNotMember = 'report_unit_not_member',
  ReportInProgress = 'report_in_progress',
  ReportNotDraft = 'report_not_draft',
  CorrectionRequiresApproved = 'correction_requires_approved',
  ReportSuperseded = 'report_superseded',
  DraftForbidden = 'report_draft_forbidden',
  ReportNotVisible = 'report_not_visible',
}

const REPORTS_ERRORS: Record<ReportsErrorCode, ErrorDefinition> = {
  [ReportsErrorCode.ReportNotFound]: { status: 404, title: 'No such results report' },
  [ReportsErrorCode.UnitNotMember]: { status: 422, title: "The unit is not a member of the cycle's cluster" },
  [ReportsErrorCode.ReportInProgress]: {
    status: 409,
    title: 'This unit already has a version of its report in the works for this cycle',
  },
  [ReportsErrorCode.ReportNotDraft]: { status: 409, title: 'Only a draft report can be changed' },
  [ReportsErrorCode.CorrectionRequiresApproved]: { status: 409, title: 'Only an approved report can be corrected' },
  [ReportsErrorCode.ReportSuperseded]: { status: 409, title: 'A later approved version replaces this report' },
  [ReportsErrorCode.DraftForbidden]: { status: 403, title: "Only the unit's officer or head may draft its report" },
  [ReportsErrorCode.ReportNotVisible]: { status: 403, title: 'This report is not approved yet, and not yours to see' },
};

export class ReportsException extends DomainException<ReportsErrorCode> {
  readonly definitions = REPORTS_ERRORS;

  static reportNotFound(id: string): ReportsException {
    return new ReportsException(ReportsErrorCode.ReportNotFound, `There is no results report with id ${id}.`, {
      reportId: id,
    });
  }

  static inProgress(): ReportsException {
    return new ReportsException(
      ReportsErrorCode.ReportInProgress,
      'Finish (approve) or change the version already in the works instead of starting another.',
    );
  }
}

// Two versions started at once for the same unit and cycle: the loser hits one of these.
explainConstraint('uq_results_reports_open', () => ReportsException.inProgress());
explainConstraint('uq_results_reports_version', () => ReportsException.inProgress());
