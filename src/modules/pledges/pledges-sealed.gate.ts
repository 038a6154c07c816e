import type { CycleGate, UnmetCondition } from '../cycles';
import { currentMembershipSql } from '../registry';
import { currentPledgeOf } from './pledge-scope';

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
      const unsigned = (await manager.query(
        `SELECT u.id, u.name, up.status
           FROM units u
           JOIN cluster_memberships m ON m.unit_id = u.id AND m.cluster_id = $1 AND ${currentMembershipSql('m')}
           LEFT JOIN unit_pledges up ON up.unit_id = u.id AND up.pledge_id = $2
          WHERE up.status IS DISTINCT FROM 'signed'
          ORDER BY u.code`,
        [cycle.clusterId, pledge.id],
      )) as { id: string; name: string; status: string | null }[];
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
