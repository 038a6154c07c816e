import type { EntityManager } from 'typeorm';
import { CyclesException } from '../cycles';
import { Cycle } from '../cycles/cycle.entity';
import { isCurrentMember } from '../registry';
import { ReportsErrorCode, ReportsException } from './reports.exception';

/**
 * The cycle a report belongs to, read (never written) by this module. `lock` takes a share lock,
 * so the cycle cannot be closed while a report of it is being written in the same transaction.
 */
export async function findReportCycle(manager: EntityManager, cycleId: string, lock = false): Promise<Cycle> {
  const cycle = await manager.findOne(Cycle, {
    where: { id: cycleId },
    ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
  if (!cycle) throw CyclesException.cycleNotFound(cycleId);
  return cycle;
}

/**
 * A closed cycle's results are final (no new version, edit, submission or approval): what
 * `assertCycleOpen` names in its refusal.
 */
export const REPORTS_OF_THE_CYCLE = 'its results reports';

export async function assertCurrentMember(manager: EntityManager, cycle: Cycle, unitId: string): Promise<void> {
  if (!(await isCurrentMember(manager, cycle.clusterId, unitId))) {
    throw new ReportsException(
      ReportsErrorCode.UnitNotMember,
      "Only the cluster's current member units report their results for its cycle.",
      { unitId, clusterId: cycle.clusterId },
    );
  }
}
