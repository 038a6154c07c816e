// The cycles module's front door (issue 14): what other modules may import from it. It grows as
// the module is reworked; today other modules still reach some internals (see the baseline).
export { assertCycleOpen } from './cycle-open';
export { todayInVietnam } from './cycle-calendar';
export { type CycleGate, CycleGates, type UnmetCondition } from './cycle-gates';
export type { CyclePhase } from './cycle-phase';
export { CyclesErrorCode, CyclesException } from './cycles.exception';
export { IsCalendarDay } from './dto/phase-deadlines';
export { cycleOrThrow, findCycle, lockOpenCycle, type CycleFacts, type CycleLock } from './cycle-reader';
export { cycleOpening, type CycleOpening } from './cycle-opening';
