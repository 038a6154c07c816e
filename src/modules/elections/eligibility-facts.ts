import type { EntityManager } from 'typeorm';
import { currentMemberUnits } from '../registry';
import type { RulesContent } from '../rules';
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

  const [{ year }] = (await manager.query(`SELECT year FROM cycles WHERE id = $1`, [meeting.cycleId])) as {
    year: number;
  }[];
  const leaders = (await manager.query(
    `SELECT unit_id, term_year FROM cluster_leaderships
      WHERE cluster_id = $1 AND role = 'leader' AND term_year IN ($2, $3)`,
    [meeting.clusterId, year, year + 1],
  )) as { unit_id: string; term_year: number }[];

  const [pledge] = (await manager.query(
    `SELECT p.status, COALESCE(array_agg(up.unit_id) FILTER (WHERE up.status = 'signed'), '{}') AS signed
       FROM pledges p LEFT JOIN unit_pledges up ON up.pledge_id = p.id
      WHERE p.cycle_id = $1 GROUP BY p.id, p.number, p.status ORDER BY p.number DESC LIMIT 1`,
    [meeting.cycleId],
  )) as { status: string; signed: string[] }[];

  const [ranking] = (await manager.query(
    `SELECT adopted_ranking FROM scoring_periods
      WHERE cycle_id = $1 AND status = 'adopted' AND adopted_ranking IS NOT NULL
      ORDER BY adopted_at DESC NULLS LAST LIMIT 1`,
    [meeting.cycleId],
  )) as { adopted_ranking: { rows: { unitId: string; total: string }[] } }[];

  return {
    kind,
    members,
    units,
    rotation: rules.leaderRotation,
    outgoingLeaderUnitId: leaders.find((l) => l.term_year === year)?.unit_id ?? null,
    nextLeaderUnitId: leaders.find((l) => l.term_year === year + 1)?.unit_id ?? null,
    categories: rules.awardCategories,
    category: categoryCode ? (rules.awardCategories.find((c) => c.code === categoryCode) ?? null) : null,
    sealedPledgeUnitIds: pledge?.status === 'sealed' ? new Set(pledge.signed) : null,
    finalScores: ranking ? new Map(ranking.adopted_ranking.rows.map((row) => [row.unitId, row.total])) : null,
  };
}
