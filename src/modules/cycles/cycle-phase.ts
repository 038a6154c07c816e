/** The phases of a yearly cycle, in order. A cycle only moves forward (see CyclesService). */
export const CYCLE_PHASES = [
  'setup',
  'rules_adoption',
  'pledge_signing',
  'in_progress',
  'evaluation',
  'voting',
  'handover',
  'closed',
] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

export function nextPhase(phase: CyclePhase): CyclePhase | undefined {
  return CYCLE_PHASES[CYCLE_PHASES.indexOf(phase) + 1];
}

export function phaseIndex(phase: CyclePhase): number {
  return CYCLE_PHASES.indexOf(phase);
}
