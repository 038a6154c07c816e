import { In } from 'typeorm';
import type { CycleGate, UnmetCondition } from '../cycles';
import { FlagCustodyPeriod } from './flag-custody-period.entity';
import { Flag } from './flag.entity';
import { FlagHandover } from './flag-handover.entity';
import { electedNextTermLeader } from './next-term-leader';

export const FLAG_HANDED_OVER_GATE = 'flag.handed_over';

/**
 * Blocking: a cycle closes only once the cluster's flag is with the leader unit elected for the
 * next term — its handover completed (both signatures), or the elected leader already holding it.
 */
export function flagHandedOverGate(): CycleGate {
  return {
    key: FLAG_HANDED_OVER_GATE,
    phase: 'closed',
    description: "The cluster's rotating flag has been handed over to the leader unit elected for the next term.",
    blocking: true,
    async check(manager, cycle): Promise<UnmetCondition[]> {
      const unmet = (message: string, unitId?: string): UnmetCondition[] => [
        { gate: FLAG_HANDED_OVER_GATE, message, ...(unitId ? { unitId } : {}) },
      ];
      const flag = await manager.findOne(Flag, { where: { clusterId: cycle.clusterId } });
      if (!flag) return unmet("The cluster's rotating flag is not registered, so it cannot have been handed over.");
      if (await manager.existsBy(FlagHandover, { cycleId: cycle.id, status: 'completed' })) return [];

      const leader = await electedNextTermLeader(manager, cycle);
      if (!leader)
        return unmet(`No leader unit has been elected for ${cycle.year + 1}: the flag has no recipient yet.`);
      const current = await manager.findOne(FlagCustodyPeriod, {
        where: { flagId: flag.id },
        order: { position: 'DESC' },
      });
      // Re-elected: the flag is already where it must be.
      if (current?.state === 'held' && current.custodianUnitId === leader.unitId) return [];

      const recipient = leader.unit?.name ?? leader.unitId;
      const underway = await manager.findOne(FlagHandover, {
        where: { cycleId: cycle.id, status: In(['opened', 'released']) },
      });
      if (!underway) return unmet(`The flag has not been handed over to ${recipient} yet.`, leader.unitId);
      return underway.status === 'opened'
        ? unmet(`The handover to ${recipient} awaits the outgoing custodian's release.`, underway.fromUnitId)
        : unmet(`The flag is in transit: ${recipient} has not confirmed its receipt.`, leader.unitId);
    },
  };
}
