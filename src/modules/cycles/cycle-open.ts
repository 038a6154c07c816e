import type { Cycle } from './cycle.entity';
import { CyclesErrorCode, CyclesException } from './cycles.exception';

/**
 * The one "is the cycle still open" check of the modules that write a cycle's documents (pledges,
 * results reports): a closed cycle is final. `frozen` names what can no longer change, for the
 * refusal's sentence ("its results reports"). Read the cycle with a share lock in the same
 * transaction, so it cannot be closed between this check and the write.
 */
export function assertCycleOpen(cycle: Pick<Cycle, 'id' | 'year' | 'phase'>, frozen: string): void {
  if (cycle.phase === 'closed') {
    throw new CyclesException(
      CyclesErrorCode.CycleClosed,
      `The ${cycle.year} cycle is closed; ${frozen} can no longer change.`,
      { cycleId: cycle.id },
    );
  }
}
