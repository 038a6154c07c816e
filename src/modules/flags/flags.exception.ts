import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum FlagsErrorCode {
  FlagNotFound = 'flag_not_found',
  FlagAlreadyRegistered = 'flag_already_registered',
  FlagManageForbidden = 'flag_manage_forbidden',
  CustodianNotMember = 'flag_custodian_not_member',
  FlagNotHeld = 'flag_not_held',
  CustodyConflict = 'flag_custody_conflict',
  HandoverNotFound = 'handover_not_found',
  HandoverCycleOtherCluster = 'handover_cycle_other_cluster',
  HandoverRecipientNotElected = 'handover_recipient_not_elected',
  HandoverRecipientIsCustodian = 'handover_recipient_is_custodian',
  HandoverAlreadyOpen = 'handover_already_open',
  CycleAlreadyHandedOver = 'cycle_already_handed_over',
  HandoverNotReleased = 'handover_not_released',
  HandoverAlreadyReleased = 'handover_already_released',
  HandoverCompleted = 'handover_completed',
  HandoverCancelled = 'handover_cancelled',
  IncidentNotFound = 'incident_not_found',
  IncidentReportForbidden = 'incident_report_forbidden',
  IncidentAlreadyResolved = 'incident_already_resolved',
  PhotoNotImage = 'flag_photo_not_image',
  PhotoNotFound = 'flag_photo_not_found',
}

const FLAGS_ERRORS: Record<FlagsErrorCode, ErrorDefinition> = {
  [FlagsErrorCode.FlagNotFound]: { status: 404, title: 'No such flag' },
  [FlagsErrorCode.FlagAlreadyRegistered]: { status: 409, title: 'The cluster already has a registered flag' },
  [FlagsErrorCode.FlagManageForbidden]: {
    status: 403,
    title: "Only an administrator or the cluster's secretariat may do this",
  },
  [FlagsErrorCode.CustodianNotMember]: { status: 422, title: 'The custodian must be a current member of the cluster' },
  [FlagsErrorCode.FlagNotHeld]: { status: 409, title: 'The flag is in transit, not held by a unit' },
  [FlagsErrorCode.CustodyConflict]: { status: 409, title: 'The chain of custody changed at the same time' },
  [FlagsErrorCode.HandoverNotFound]: { status: 404, title: 'No such flag handover' },
  [FlagsErrorCode.HandoverCycleOtherCluster]: { status: 422, title: "The cycle is not of the flag's cluster" },
  [FlagsErrorCode.HandoverRecipientNotElected]: {
    status: 409,
    title: 'The flag goes only to the leader unit a certified election chose for the next term',
  },
  [FlagsErrorCode.HandoverRecipientIsCustodian]: {
    status: 409,
    title: 'The elected leader already holds the flag; there is nothing to hand over',
  },
  [FlagsErrorCode.HandoverAlreadyOpen]: { status: 409, title: 'A handover of this flag is already under way' },
  [FlagsErrorCode.CycleAlreadyHandedOver]: { status: 409, title: 'This cycle already has its handover' },
  [FlagsErrorCode.HandoverNotReleased]: {
    status: 409,
    title: "The outgoing custodian's head has not released the flag yet",
  },
  [FlagsErrorCode.HandoverAlreadyReleased]: { status: 409, title: 'The flag has already been released' },
  [FlagsErrorCode.HandoverCompleted]: { status: 409, title: 'The handover is already completed' },
  [FlagsErrorCode.HandoverCancelled]: { status: 409, title: 'The handover was cancelled' },
  [FlagsErrorCode.IncidentNotFound]: { status: 404, title: 'No such flag incident' },
  [FlagsErrorCode.IncidentReportForbidden]: {
    status: 403,
    title: 'Only the head of the unit that holds the flag reports an incident',
  },
  [FlagsErrorCode.IncidentAlreadyResolved]: { status: 409, title: 'The incident is already resolved' },
  [FlagsErrorCode.PhotoNotImage]: { status: 415, title: "The flag's photo must be a PNG, JPEG, GIF or WebP image" },
  [FlagsErrorCode.PhotoNotFound]: { status: 404, title: 'The flag has no photo' },
};

export class FlagsException extends DomainException<FlagsErrorCode> {
  readonly definitions = FLAGS_ERRORS;

  static flagNotFound(extensions: Record<string, unknown>): FlagsException {
    return new FlagsException(FlagsErrorCode.FlagNotFound, 'There is no such registered flag.', extensions);
  }

  static handoverNotFound(id: string): FlagsException {
    return new FlagsException(FlagsErrorCode.HandoverNotFound, `There is no flag handover with id ${id}.`, {
      handoverId: id,
    });
  }

  static alreadyRegistered(): FlagsException {
    return new FlagsException(
      FlagsErrorCode.FlagAlreadyRegistered,
      'A cluster has one rotating flag; a replacement is recorded as an incident of that flag.',
    );
  }

  static handoverAlreadyOpen(): FlagsException {
    return new FlagsException(
      FlagsErrorCode.HandoverAlreadyOpen,
      'Complete or cancel the handover under way before opening another.',
    );
  }

  static cycleAlreadyHandedOver(): FlagsException {
    return new FlagsException(
      FlagsErrorCode.CycleAlreadyHandedOver,
      'A cycle hands the flag over once; cancel its handover under way to open a new one.',
    );
  }

  static custodyConflict(): FlagsException {
    return new FlagsException(
      FlagsErrorCode.CustodyConflict,
      'Another change to the chain of custody happened at the same time; read the chain again.',
    );
  }
}

// Under true concurrency the database catches the loser; it gets the same answer as a serial run.
explainConstraint('uq_flags_cluster', () => FlagsException.alreadyRegistered());
explainConstraint('uq_flag_handovers_open', () => FlagsException.handoverAlreadyOpen());
explainConstraint('uq_flag_handovers_cycle', () => FlagsException.cycleAlreadyHandedOver());
explainConstraint('uq_flag_custody_periods_open', () => FlagsException.custodyConflict());
explainConstraint('uq_flag_custody_periods_position', () => FlagsException.custodyConflict());
explainConstraint('ex_flag_custody_periods_overlap', () => FlagsException.custodyConflict());
explainConstraint('ck_flag_custody_one_open_period', () => FlagsException.custodyConflict());
