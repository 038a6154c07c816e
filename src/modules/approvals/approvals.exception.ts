import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum ApprovalsErrorCode {
  RequestNotFound = 'approval_request_not_found',
  RequestExists = 'approval_request_exists',
  ApprovalsRequiredInvalid = 'approvals_required_invalid',
  UnitRequired = 'approval_unit_required',
  NotVisible = 'approval_not_visible',
  TransitionNotAvailable = 'transition_not_available',
  CommentRequired = 'comment_required',
  NotAnApprover = 'not_an_approver',
  OwnUnitSubmission = 'own_unit_submission',
  SeparationOfDuties = 'separation_of_duties',
  AlreadyActed = 'already_acted',
  DelegationNotFound = 'delegation_not_found',
  DelegationForbidden = 'delegation_forbidden',
  DelegateIsSelf = 'delegate_is_self',
  DelegateNotInUnit = 'delegate_not_in_unit',
  DelegationPeriodInvalid = 'delegation_period_invalid',
  DelegationRevokeForbidden = 'delegation_revoke_forbidden',
  DelegationAlreadyEnded = 'delegation_already_ended',
}

const APPROVALS_ERRORS: Record<ApprovalsErrorCode, ErrorDefinition> = {
  [ApprovalsErrorCode.RequestNotFound]: { status: 404, title: 'No such approval request' },
  [ApprovalsErrorCode.RequestExists]: { status: 409, title: 'This document already has an approval request' },
  [ApprovalsErrorCode.ApprovalsRequiredInvalid]: {
    status: 400,
    title: 'The number of approvals required must be a whole number of at least 1',
  },
  [ApprovalsErrorCode.UnitRequired]: { status: 400, title: 'This workflow needs the unit that owns the document' },
  [ApprovalsErrorCode.NotVisible]: { status: 403, title: 'You may not see this approval request' },
  [ApprovalsErrorCode.TransitionNotAvailable]: {
    status: 409,
    title: 'This transition cannot be taken from the current state',
  },
  [ApprovalsErrorCode.CommentRequired]: { status: 400, title: 'This transition needs a comment' },
  [ApprovalsErrorCode.NotAnApprover]: { status: 403, title: 'You are not an approver of this step' },
  [ApprovalsErrorCode.OwnUnitSubmission]: { status: 403, title: 'A unit may not approve its own submission here' },
  [ApprovalsErrorCode.SeparationOfDuties]: {
    status: 403,
    title: 'You drafted this document or already acted on it in this round',
  },
  [ApprovalsErrorCode.AlreadyActed]: { status: 409, title: 'This approval has already been given' },
  [ApprovalsErrorCode.DelegationNotFound]: { status: 404, title: 'No such delegation' },
  [ApprovalsErrorCode.DelegationForbidden]: {
    status: 403,
    title: 'Only the head of the unit may delegate its approvals',
  },
  [ApprovalsErrorCode.DelegateIsSelf]: { status: 400, title: 'A head cannot delegate to themselves' },
  [ApprovalsErrorCode.DelegateNotInUnit]: {
    status: 422,
    title: 'The delegate must hold a mandate of the same unit',
  },
  [ApprovalsErrorCode.DelegationPeriodInvalid]: { status: 400, title: 'The delegation period is not valid' },
  [ApprovalsErrorCode.DelegationRevokeForbidden]: {
    status: 403,
    title: 'Only the head who delegated, or an administrator, may revoke a delegation',
  },
  [ApprovalsErrorCode.DelegationAlreadyEnded]: {
    status: 409,
    title: 'The delegation has already been revoked or has expired',
  },
};

export class ApprovalsException extends DomainException<ApprovalsErrorCode> {
  readonly definitions = APPROVALS_ERRORS;

  static requestNotFound(id: string): ApprovalsException {
    return new ApprovalsException(ApprovalsErrorCode.RequestNotFound, `There is no approval request with id ${id}.`, {
      requestId: id,
    });
  }
}

// The database's guards, explained as if the service's own checks had caught the loser of a race.
explainConstraint(
  'uq_approval_acts_counted_once',
  () =>
    new ApprovalsException(
      ApprovalsErrorCode.AlreadyActed,
      'This approval was given by someone else at the same moment; it counts once.',
    ),
);
explainConstraint(
  'uq_approval_requests_subject',
  () => new ApprovalsException(ApprovalsErrorCode.RequestExists, 'This document already has an approval request.'),
);
explainConstraint(
  'ck_approval_delegations_period',
  () => new ApprovalsException(ApprovalsErrorCode.DelegationPeriodInvalid, 'validTo must be later than validFrom.'),
);
explainConstraint(
  'ck_approval_delegations_distinct',
  () => new ApprovalsException(ApprovalsErrorCode.DelegateIsSelf, 'Delegate to another person of the unit.'),
);
