import type { EntityManager } from 'typeorm';
import { assertCycleOpen } from './cycle-open';
import type { CyclePhase } from './cycle-phase';
import { Cycle } from './cycle.entity';
import { CyclesException } from './cycles.exception';

/** A cycle as other modules read it (they never write it): the front door's row, not the entity. */
export interface CycleFacts {
  id: string;
  clusterId: string;
  year: number;
  phase: CyclePhase;
  rulesVersionId: string | null;
  deadlines: Partial<Record<CyclePhase, string>>;
}

/** `share` keeps the cycle from moving (phase, close) while the caller writes a document of it. */
export type CycleLock = 'share' | 'update';
const LOCK_MODES = { share: 'pessimistic_read', update: 'pessimistic_write' } as const;

function toFacts(cycle: Cycle): CycleFacts {
  const { id, clusterId, year, phase, rulesVersionId, deadlines } = cycle;
  return { id, clusterId, year, phase, rulesVersionId, deadlines };
}

/** The cycle, or null; read in the caller's transaction, with the lock asked for. */
export async function findCycle(manager: EntityManager, id: string, lock?: CycleLock): Promise<CycleFacts | null> {
  const cycle = await manager.findOne(Cycle, { where: { id }, ...(lock ? { lock: { mode: LOCK_MODES[lock] } } : {}) });
  return cycle ? toFacts(cycle) : null;
}

/** The cycle, or 404 `cycle_not_found`. */
export async function cycleOrThrow(manager: EntityManager, id: string, lock?: CycleLock): Promise<CycleFacts> {
  const cycle = await findCycle(manager, id, lock);
  if (!cycle) throw CyclesException.cycleNotFound(id);
  return cycle;
}

/**
 * The one "find the cycle, lock it, check it is open" step of the modules that write a cycle's
 * documents: a share lock (by default) held to the end of the caller's transaction, so the cycle
 * cannot close between the check and the write; `frozen` names what a closed cycle freezes.
 */
export async function lockOpenCycle(
  manager: EntityManager,
  id: string,
  frozen: string,
  lock: CycleLock = 'share',
): Promise<CycleFacts> {
  const cycle = await cycleOrThrow(manager, id, lock);
  assertCycleOpen(cycle, frozen);
  return cycle;
}
