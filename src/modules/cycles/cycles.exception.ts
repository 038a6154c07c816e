import { explainConstraint } from '../../common/errors/constraint-errors';
import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';

export enum CyclesErrorCode {
  CycleNotFound = 'cycle_not_found',
  CycleYearTaken = 'cycle_year_taken',
  PreviousCycleNotFinishing = 'previous_cycle_not_finishing',
  CycleManageForbidden = 'cycle_manage_forbidden',
  CycleClosed = 'cycle_closed',
  PhaseBackwards = 'phase_backwards',
  PhaseSkip = 'phase_skip',
  GateUnmet = 'cycle_gate_unmet',
  DeadlineForPastPhase = 'deadline_for_past_phase',
  RulesVersionNotFound = 'rules_version_not_found',
  RulesVersionOtherCluster = 'rules_version_other_cluster',
  RulesVersionNotAdopted = 'rules_version_not_adopted',
  RulesPinLocked = 'rules_pin_locked',
}

const CYCLES_ERRORS: Record<CyclesErrorCode, ErrorDefinition> = {
  [CyclesErrorCode.CycleNotFound]: { status: 404, title: 'No such cycle' },
  [CyclesErrorCode.CycleYearTaken]: { status: 409, title: 'The cluster already has a cycle for this year' },
  [CyclesErrorCode.PreviousCycleNotFinishing]: {
    status: 409,
    title: 'Another cycle of the cluster has not reached voting yet',
  },
  [CyclesErrorCode.CycleManageForbidden]: { status: 403, title: "You may not run this cluster's cycles" },
  [CyclesErrorCode.CycleClosed]: { status: 409, title: 'The cycle is closed' },
  [CyclesErrorCode.PhaseBackwards]: { status: 409, title: 'A cycle does not go back to an earlier phase' },
  [CyclesErrorCode.PhaseSkip]: { status: 409, title: 'A cycle moves one phase at a time' },
  [CyclesErrorCode.GateUnmet]: { status: 409, title: 'The conditions for entering this phase are not met' },
  [CyclesErrorCode.DeadlineForPastPhase]: { status: 409, title: 'That phase is already over' },
  [CyclesErrorCode.RulesVersionNotFound]: { status: 404, title: 'No such rules version' },
  [CyclesErrorCode.RulesVersionOtherCluster]: { status: 409, title: 'The rules version belongs to another cluster' },
  [CyclesErrorCode.RulesVersionNotAdopted]: { status: 409, title: 'The rules version is not adopted' },
  [CyclesErrorCode.RulesPinLocked]: {
    status: 409,
    title: 'The pinned rules can only be replaced by an amendment now',
  },
};

export class CyclesException extends DomainException<CyclesErrorCode> {
  readonly definitions = CYCLES_ERRORS;

  static cycleNotFound(id: string): CyclesException {
    return new CyclesException(CyclesErrorCode.CycleNotFound, `There is no cycle with id ${id}.`, { cycleId: id });
  }

  static yearTaken(year?: number): CyclesException {
    return new CyclesException(
      CyclesErrorCode.CycleYearTaken,
      year === undefined
        ? 'The cluster already has a cycle for this year.'
        : `The cluster already has a cycle for ${year}.`,
      year === undefined ? {} : { year },
    );
  }
}

explainConstraint('uq_cycles_cluster_year', () => CyclesException.yearTaken());
