import type { Cycle } from './cycle.entity';
import { CYCLE_PHASES, nextPhase, phaseIndex, type CyclePhase } from './cycle-phase';
import { CyclesErrorCode, CyclesException } from './cycles.exception';

/** Phases that can carry a deadline: every phase but `closed`, which has no end. */
export const DEADLINE_PHASES = CYCLE_PHASES.filter((phase) => phase !== 'closed');
export type DeadlinePhase = Exclude<CyclePhase, 'closed'>;

/** While the next year's cycle may not be opened: another cycle of the cluster is before this phase. */
export const OVERLAP_ALLOWED_FROM: CyclePhase = 'voting';

/**
 * How the pinned rules may change in a phase: freely while the rules are being adopted, only by an
 * amendment of the pinned version once pledges are signed against them, never once evaluation starts.
 */
export type RulesPinMode = 'any' | 'amendment' | 'locked';

export function rulesPinMode(phase: CyclePhase): RulesPinMode {
  if (phaseIndex(phase) <= phaseIndex('rules_adoption')) return 'any';
  if (phaseIndex(phase) < phaseIndex('evaluation')) return 'amendment';
  return 'locked';
}

/** The forward-only rules of a cycle, checked on the locked row before anything is written. */
export const CycleStateMachine = {
  assertNotClosed(cycle: Cycle): void {
    if (cycle.phase === 'closed') {
      throw new CyclesException(
        CyclesErrorCode.CycleClosed,
        `The ${cycle.year} cycle is closed; nothing changes now.`,
        {
          phase: cycle.phase,
        },
      );
    }
  },

  /** `to` must be exactly the phase after the current one. */
  assertAdvance(cycle: Cycle, to: CyclePhase): void {
    CycleStateMachine.assertNotClosed(cycle);
    const next = nextPhase(cycle.phase)!;
    if (phaseIndex(to) <= phaseIndex(cycle.phase)) {
      throw new CyclesException(
        CyclesErrorCode.PhaseBackwards,
        to === cycle.phase
          ? `The cycle is already in ${to}; the next phase is ${next}.`
          : `The cycle is in ${cycle.phase} and does not go back to ${to}. To let late work in, reopen the current phase.`,
        { phase: cycle.phase, to, next },
      );
    }
    if (to !== next) {
      throw new CyclesException(
        CyclesErrorCode.PhaseSkip,
        `The cycle is in ${cycle.phase}; it moves to ${next} before ${to}.`,
        { phase: cycle.phase, to, next },
      );
    }
  },

  /** Deadlines of phases already over are history; the current phase and later ones may move. */
  assertDeadlinesChangeable(cycle: Cycle, phases: readonly CyclePhase[]): void {
    const past = phases.filter((phase) => phaseIndex(phase) < phaseIndex(cycle.phase));
    if (past.length) {
      throw new CyclesException(
        CyclesErrorCode.DeadlineForPastPhase,
        `The cycle is in ${cycle.phase}; ${past.join(', ')} ${past.length === 1 ? 'is' : 'are'} over and keep their deadlines.`,
        { phase: cycle.phase, phases: past },
      );
    }
  },
};
