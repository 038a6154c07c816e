import type { EntityManager } from 'typeorm';
import { cycleOrThrow } from '../cycles';
import { newestPledgeOfCycle } from '../pledges';
import { currentMemberUnits, leadersOfTerms } from '../registry';
import type { RulesContent } from '../rules';
import { adoptedRankingOfCycle } from '../scoring';
import type { EligibilityFacts, MemberUnit } from './candidate-eligibility';
import type { PollKind } from './poll.entity';

export interface UnitFacts {
  code: string;
  name: string;
  womenLed: boolean;
}

/**
 * Reads what candidate eligibility depends on, in the caller's transaction: members today, the
 * recorded leadership, the cycle's newest pledge and its adopted ranking.
 */
export async function loadEligibilityFacts(
  manager: EntityManager,
  meeting: { clusterId: string; cycleId: string },
  kind: PollKind,
  rules: RulesContent,
  categoryCode: string | null,
): Promise<EligibilityFacts & { units: Map<string, UnitFacts> }> {
  const memberRows = await currentMemberUnits(manager, meeting.clusterId);
  const members: MemberUnit[] = memberRows.map((r) => ({ unitId: r.unitId, code: r.code }));
  const units = new Map(memberRows.map((r) => [r.unitId, { code: r.code, name: r.name, womenLed: r.womenLed }]));

  const { year } = await cycleOrThrow(manager, meeting.cycleId);
  const leaders = await leadersOfTerms(manager, meeting.clusterId, [year, year + 1]);
  const pledge = await newestPledgeOfCycle(manager, meeting.cycleId);
  const ranking = await adoptedRankingOfCycle(manager, meeting.cycleId);

  return {
    kind,
    members,
    units,
    rotation: rules.leaderRotation,
    outgoingLeaderUnitId: leaders.get(year) ?? null,
    nextLeaderUnitId: leaders.get(year + 1) ?? null,
    categories: rules.awardCategories,
    category: categoryCode ? (rules.awardCategories.find((c) => c.code === categoryCode) ?? null) : null,
    sealedPledgeUnitIds: pledge?.status === 'sealed' ? new Set(pledge.signedUnitIds) : null,
    finalScores: ranking ? new Map(ranking.map((row) => [row.unitId, row.total])) : null,
  };
}
