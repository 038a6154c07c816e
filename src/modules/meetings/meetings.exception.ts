import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum MeetingsErrorCode {
  MeetingNotFound = 'meeting_not_found',
  ManageForbidden = 'meeting_manage_forbidden',
  MeetingClosed = 'meeting_closed',
  StatusBackwards = 'meeting_status_backwards',
  RulesNotPinned = 'meeting_rules_not_pinned',
  UnitNotMember = 'attendance_unit_not_member',
  CheckInForbidden = 'attendance_forbidden',
  DelegateNotOfUnit = 'attendance_delegate_not_of_unit',
  UnitAlreadyPresent = 'attendance_unit_already_present',
  DelegateAlreadyPresent = 'attendance_delegate_already_present',
  NotPresent = 'attendance_not_present',
  UnitAmbiguous = 'attendance_unit_ambiguous',
}

const MEETINGS_ERRORS: Record<MeetingsErrorCode, ErrorDefinition> = {
  [MeetingsErrorCode.MeetingNotFound]: { status: 404, title: 'No such meeting' },
  [MeetingsErrorCode.ManageForbidden]: {
    status: 403,
    title: "Only an administrator or the cluster's secretariat may run its meetings",
  },
  [MeetingsErrorCode.MeetingClosed]: { status: 409, title: 'The meeting is closed' },
  [MeetingsErrorCode.StatusBackwards]: {
    status: 409,
    title: 'A meeting only moves forward: scheduled, in session, closed',
  },
  [MeetingsErrorCode.RulesNotPinned]: {
    status: 409,
    title: 'The cycle has no pinned rules to take the voting rules from',
  },
  [MeetingsErrorCode.UnitNotMember]: { status: 422, title: 'The unit is not a current member of the cluster' },
  [MeetingsErrorCode.CheckInForbidden]: {
    status: 403,
    title: "Only the unit's delegate or head (for themselves) or the secretariat may sign the register",
  },
  [MeetingsErrorCode.DelegateNotOfUnit]: {
    status: 422,
    title: 'The person holds no delegate or head mandate of the unit',
  },
  [MeetingsErrorCode.UnitAlreadyPresent]: { status: 409, title: 'The unit is already checked in' },
  [MeetingsErrorCode.DelegateAlreadyPresent]: { status: 409, title: 'The person is already checked in' },
  [MeetingsErrorCode.NotPresent]: { status: 409, title: 'The unit is not checked in' },
  [MeetingsErrorCode.UnitAmbiguous]: { status: 422, title: 'Say which unit you sit for' },
};

export class MeetingsException extends DomainException<MeetingsErrorCode> {
  readonly definitions = MEETINGS_ERRORS;

  static meetingNotFound(id: string): MeetingsException {
    return new MeetingsException(MeetingsErrorCode.MeetingNotFound, `There is no meeting with id ${id}.`, {
      meetingId: id,
    });
  }

  static unitAlreadyPresent(): MeetingsException {
    return new MeetingsException(
      MeetingsErrorCode.UnitAlreadyPresent,
      'The unit already has a delegate in the register; check them out first to change who sits for it.',
    );
  }

  static delegateAlreadyPresent(): MeetingsException {
    return new MeetingsException(
      MeetingsErrorCode.DelegateAlreadyPresent,
      'This person already sits for a unit at this meeting.',
    );
  }
}

// Two check-ins of the same unit or person at once: the loser hits one of these.
explainConstraint('uq_meeting_attendances_unit_present', () => MeetingsException.unitAlreadyPresent());
explainConstraint('uq_meeting_attendances_delegate_present', () => MeetingsException.delegateAlreadyPresent());
