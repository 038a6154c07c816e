import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Cycle } from './cycle.entity';
import type { CyclePhase } from './cycle-phase';

/** Something not yet done that a gate or tracker reports: what, and from whom when a unit owes it. */
export interface UnmetCondition {
  gate: string;
  message: string;
  unitId?: string;
}

/**
 * A condition for entering a phase, registered by the module that owns it (rules: "an adopted
 * version is pinned" before pledge_signing; later pledges, ranking, election, flag handover).
 * A non-blocking gate only reports what is pending on the dashboard.
 */
export interface CycleGate {
  key: string;
  /** The phase this gate guards the entry to. */
  phase: CyclePhase;
  description: string;
  blocking: boolean;
  /** Runs inside the advancing transaction; returns what is not yet met (empty when met). */
  check(manager: EntityManager, cycle: Cycle): Promise<UnmetCondition[]>;
}

/**
 * The one mechanism through which modules add conditions to the cycle: each module registers its
 * gates at start (`onModuleInit`), and the cycle service never needs editing for a new one.
 */
@Injectable()
export class CycleGates {
  private readonly gates = new Map<string, CycleGate>();

  register(gate: CycleGate): void {
    if (this.gates.has(gate.key)) throw new Error(`Cycle gate ${gate.key} is registered twice`);
    this.gates.set(gate.key, gate);
  }

  forPhase(phase: CyclePhase): CycleGate[] {
    return [...this.gates.values()].filter((gate) => gate.phase === phase);
  }

  all(): CycleGate[] {
    return [...this.gates.values()];
  }
}
