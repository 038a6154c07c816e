import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum MandatesErrorCode {
  MandateNotFound = 'mandate_not_found',
  UnitRequired = 'mandate_unit_required',
  ClusterRequired = 'mandate_cluster_required',
  ScopeNotAllowed = 'mandate_scope_not_allowed',
  PeriodInvalid = 'mandate_period_invalid',
  MandateOverlaps = 'mandate_overlaps',
  AlreadyEnded = 'mandate_already_ended',
  LastAdminMandate = 'last_admin_mandate',
  GrantForbidden = 'mandate_grant_forbidden',
  EndForbidden = 'mandate_end_forbidden',
  SelfGrantForbidden = 'mandate_self_grant_forbidden',
  HeadExists = 'unit_head_exists',
  PeopleSheetInvalid = 'people_sheet_invalid',
  PeopleImportRejected = 'people_import_rejected',
}

const MANDATES_ERRORS: Record<MandatesErrorCode, ErrorDefinition> = {
  [MandatesErrorCode.MandateNotFound]: { status: 404, title: 'No such mandate' },
  [MandatesErrorCode.UnitRequired]: { status: 400, title: 'This role is held for a unit: unitId is required' },
  [MandatesErrorCode.ClusterRequired]: { status: 400, title: 'This role is held for a cluster: clusterId is required' },
  [MandatesErrorCode.ScopeNotAllowed]: { status: 400, title: 'This role does not take the scope that was sent' },
  [MandatesErrorCode.PeriodInvalid]: { status: 400, title: 'The mandate would end before it starts' },
  [MandatesErrorCode.MandateOverlaps]: {
    status: 409,
    title: 'The person already holds this role for this scope in that period',
  },
  [MandatesErrorCode.AlreadyEnded]: { status: 409, title: 'The mandate has already ended' },
  [MandatesErrorCode.LastAdminMandate]: { status: 409, title: 'The last administrator mandate cannot be ended' },
  [MandatesErrorCode.GrantForbidden]: { status: 403, title: 'You may not grant this mandate' },
  [MandatesErrorCode.EndForbidden]: { status: 403, title: 'You may not end this mandate' },
  [MandatesErrorCode.SelfGrantForbidden]: { status: 403, title: 'Nobody grants a mandate to themselves' },
  [MandatesErrorCode.HeadExists]: {
    status: 409,
    title: 'The unit already has a head during part of that period',
  },
  [MandatesErrorCode.PeopleSheetInvalid]: { status: 400, title: 'The people sheet cannot be read as it is' },
  [MandatesErrorCode.PeopleImportRejected]: {
    status: 422,
    title: 'Some rows of the people sheet are refused; nothing was imported',
  },
};

export class MandatesException extends DomainException<MandatesErrorCode> {
  readonly definitions = MANDATES_ERRORS;
}

explainConstraint(
  'ex_mandates_one_head_per_unit',
  () =>
    new MandatesException(
      MandatesErrorCode.HeadExists,
      'A unit has one head at a time; end the current head mandate first.',
    ),
);
explainConstraint(
  'ck_mandates_not_self_granted',
  () => new MandatesException(MandatesErrorCode.SelfGrantForbidden, 'Nobody grants a mandate to themselves.'),
);
