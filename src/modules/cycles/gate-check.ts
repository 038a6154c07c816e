import type { EntityManager } from 'typeorm';
import type { Cycle } from './cycle.entity';
import type { CycleGate, UnmetCondition } from './cycle-gates';

export interface GateResult {
  gate: CycleGate;
  unmet: UnmetCondition[];
}

/** Keeps only the documented fields: a gate's extra properties never reach a response or the ledger. */
function normalise(gate: CycleGate, condition: UnmetCondition): UnmetCondition {
  return {
    gate: condition.gate || gate.key,
    message: condition.message,
    ...(condition.unitId ? { unitId: condition.unitId } : {}),
  };
}

/** Runs gates one after the other on the caller's manager (embedded PostgreSQL has one session). */
export async function checkGates(manager: EntityManager, cycle: Cycle, gates: CycleGate[]): Promise<GateResult[]> {
  const results: GateResult[] = [];
  for (const gate of gates) {
    const unmet = await gate.check(manager, cycle);
    results.push({ gate, unmet: unmet.map((condition) => normalise(gate, condition)) });
  }
  return results;
}
