import type { EntityManager } from 'typeorm';
import { currentMemberUnits } from '../registry';
import type { RulesContentContext } from './rules-content.validator';

/** The cluster's member units today, as the validator needs them. Pass the transaction's manager. */
export async function rulesContentContext(manager: EntityManager, clusterId: string): Promise<RulesContentContext> {
  const members = await currentMemberUnits(manager, clusterId);
  return { memberUnitCodes: members.map((unit) => unit.code) };
}

/**
 * k of a new version's adoption: the `adoptionApprovals` of the cluster's most recently adopted
 * version, or two thirds of the member units today (rounded up) when there is none or it says
 * null. Never more than the members there are, never less than one, so adoption stays possible.
 */
export async function approvalsRequiredToAdopt(
  manager: EntityManager,
  clusterId: string,
  memberCount: number,
): Promise<number> {
  const [latest] = (await manager.query(
    `SELECT content->'adoptionApprovals' AS k FROM rules_versions
      WHERE cluster_id = $1 AND status = 'adopted'
      ORDER BY adopted_at DESC, number DESC LIMIT 1`,
    [clusterId],
  )) as { k: unknown }[];
  const configured = typeof latest?.k === 'number' ? latest.k : null;
  const k = configured ?? Math.ceil((2 * memberCount) / 3);
  return Math.max(1, Math.min(k, memberCount));
}
