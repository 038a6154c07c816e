import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum PledgesErrorCode {
  PledgeNotFound = 'pledge_not_found',
  UnitPledgeNotFound = 'unit_pledge_not_found',
  ProgressReportNotFound = 'pledge_progress_report_not_found',
  PledgeExists = 'pledge_exists',
  RulesNotPinned = 'pledge_rules_not_pinned',
  CyclePhase = 'pledge_cycle_phase',
  ManageForbidden = 'pledge_manage_forbidden',
  DraftForbidden = 'pledge_draft_forbidden',
  NotVisible = 'pledge_not_visible',
  PledgeNotCurrent = 'pledge_not_current',
  PledgeSealed = 'pledge_sealed',
  PledgeHasSignatures = 'pledge_has_signatures',
  AmendmentNotNeeded = 'pledge_amendment_not_needed',
  TargetsNotDraft = 'pledge_targets_not_draft',
  TargetsEmpty = 'pledge_targets_empty',
  TargetsNotApproved = 'pledge_targets_not_approved',
  AlreadySigned = 'unit_pledge_already_signed',
  UnitsUnsigned = 'pledge_units_unsigned',
  ClusterLeaderUnknown = 'cluster_leader_unknown',
  NothingSigned = 'pledge_nothing_signed',
  NotSigned = 'unit_pledge_not_signed',
  ProgressInProgress = 'pledge_progress_in_progress',
  ProgressNotDraft = 'pledge_progress_not_draft',
  ProgressTargetUnknown = 'pledge_progress_target_unknown',
}

const PLEDGES_ERRORS: Record<PledgesErrorCode, ErrorDefinition> = {
  [PledgesErrorCode.PledgeNotFound]: { status: 404, title: 'No such pledge' },
  [PledgesErrorCode.UnitPledgeNotFound]: { status: 404, title: "No such unit's pledge" },
  [PledgesErrorCode.ProgressReportNotFound]: { status: 404, title: 'No such progress report' },
  [PledgesErrorCode.PledgeExists]: { status: 409, title: 'The cycle already has its pledge' },
  [PledgesErrorCode.RulesNotPinned]: { status: 409, title: 'The cycle has no adopted reward rules pinned' },
  [PledgesErrorCode.CyclePhase]: { status: 409, title: 'The cycle is not in a phase for this' },
  [PledgesErrorCode.ManageForbidden]: { status: 403, title: "Only the cluster's secretariat manages its pledge" },
  [PledgesErrorCode.DraftForbidden]: { status: 403, title: "Only the unit's officer or head drafts its pledge" },
  [PledgesErrorCode.NotVisible]: { status: 403, title: 'Not approved yet, and not yours to see' },
  [PledgesErrorCode.PledgeNotCurrent]: {
    status: 409,
    title: 'A newer version of the pledge replaces this one; this version is read-only',
  },
  [PledgesErrorCode.PledgeSealed]: { status: 409, title: 'The pledge is sealed and can no longer change' },
  [PledgesErrorCode.PledgeHasSignatures]: {
    status: 409,
    title: 'A unit has signed this version: change it through an amendment',
  },
  [PledgesErrorCode.AmendmentNotNeeded]: {
    status: 409,
    title: 'Nothing is signed in this version yet: change it instead of amending it',
  },
  [PledgesErrorCode.TargetsNotDraft]: { status: 409, title: "Only a draft unit's pledge can change its targets" },
  [PledgesErrorCode.TargetsEmpty]: { status: 409, title: "The unit's pledge has no targets yet" },
  [PledgesErrorCode.TargetsNotApproved]: {
    status: 409,
    title: "The unit's targets are not approved by its head yet",
  },
  [PledgesErrorCode.AlreadySigned]: { status: 409, title: "The unit's pledge is already signed" },
  [PledgesErrorCode.UnitsUnsigned]: { status: 409, title: 'Not every member unit has signed the pledge' },
  [PledgesErrorCode.ClusterLeaderUnknown]: {
    status: 409,
    title: "No leader unit is recorded for the cycle's term",
  },
  [PledgesErrorCode.NothingSigned]: { status: 409, title: 'Nothing in this pledge version is signed yet' },
  [PledgesErrorCode.NotSigned]: { status: 409, title: "The unit's pledge is not signed yet" },
  [PledgesErrorCode.ProgressInProgress]: {
    status: 409,
    title: 'A progress report for this period is already in the works',
  },
  [PledgesErrorCode.ProgressNotDraft]: { status: 409, title: 'Only a draft progress report can change' },
  [PledgesErrorCode.ProgressTargetUnknown]: {
    status: 422,
    title: "A value names a target that is not one of this unit's pledge, or names it twice",
  },
};

export class PledgesException extends DomainException<PledgesErrorCode> {
  readonly definitions = PLEDGES_ERRORS;

  static pledgeNotFound(id: string): PledgesException {
    return new PledgesException(PledgesErrorCode.PledgeNotFound, `There is no pledge with id ${id}.`, {
      pledgeId: id,
    });
  }

  static unitPledgeNotFound(id: string): PledgesException {
    return new PledgesException(PledgesErrorCode.UnitPledgeNotFound, `There is no unit's pledge with id ${id}.`, {
      unitPledgeId: id,
    });
  }

  static progressReportNotFound(id: string): PledgesException {
    return new PledgesException(
      PledgesErrorCode.ProgressReportNotFound,
      `There is no pledge progress report with id ${id}.`,
      { reportId: id },
    );
  }

  static pledgeExists(): PledgesException {
    return new PledgesException(
      PledgesErrorCode.PledgeExists,
      'A cycle has one pledge; change it (PUT /pledges/{id}) or, once signed, amend it (POST /pledges/{id}/amendments).',
    );
  }

  static progressInProgress(): PledgesException {
    return new PledgesException(
      PledgesErrorCode.ProgressInProgress,
      'Change (or have approved) the report already in the works for this period instead of starting another.',
    );
  }
}

// Two versions created at once for a cycle, two reports at once for a period: the loser hits these.
explainConstraint('uq_pledges_cycle_number', () => PledgesException.pledgeExists());
explainConstraint('uq_pledge_progress_reports_open', () => PledgesException.progressInProgress());
explainConstraint('uq_pledge_progress_reports_version', () => PledgesException.progressInProgress());
