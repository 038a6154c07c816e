import type { CycleGate, UnmetCondition } from '../cycles';
import { currentMemberUnits } from '../registry';
import { currentPledgeOf } from './pledge-scope';
import { UnitPledge } from './unit-pledge.entity';

export const PLEDGES_SEALED_GATE = 'pledges.sealed';

/**
 * Blocking: the year's work starts under a sealed pledge. The cycle leaves `pledge_signing` only
 * once the current version of its pledge is sealed; until then the dashboard names who has not signed.
 */
export function pledgesSealedGate(): CycleGate {
  return {
    key: PLEDGES_SEALED_GATE,
    phase: 'in_progress',
    description: "The current version of the cycle's pledge is signed by every member unit and sealed.",
    blocking: true,
    async check(manager, cycle): Promise<UnmetCondition[]> {
      const pledge = await currentPledgeOf(manager, cycle.id);
      if (!pledge) {
        return [
          {
            gate: PLEDGES_SEALED_GATE,
            message: 'The cycle has no pledge yet: the secretariat creates it (POST /cycles/{cycleId}/pledges).',
          },
        ];
      }
      if (pledge.status === 'sealed') return [];
      // The member units by code, then this version's statuses of their parts: who has not signed.
      const members = await currentMemberUnits(manager, cycle.clusterId);
      const parts = await manager.find(UnitPledge, {
        select: { unitId: true, status: true },
        where: { pledgeId: pledge.id },
      });
      const statusOf = new Map(parts.map((part) => [part.unitId, part.status]));
      const unsigned = members
        .map((unit) => ({ id: unit.unitId, name: unit.name, status: statusOf.get(unit.unitId) ?? null }))
        .filter((row) => row.status !== 'signed');
      if (unsigned.length === 0) {
        return [
          {
            gate: PLEDGES_SEALED_GATE,
            message: `Every member unit has signed version ${pledge.number} of the pledge; it awaits the countersignature.`,
          },
        ];
      }
      return unsigned.map((row) => ({
        gate: PLEDGES_SEALED_GATE,
        unitId: row.id,
        message: row.status
          ? `${row.name}: pledge version ${pledge.number} not signed yet (targets ${row.status}).`
          : `${row.name}: has no part in pledge version ${pledge.number} (joined later: amend the pledge).`,
      }));
    },
  };
}
