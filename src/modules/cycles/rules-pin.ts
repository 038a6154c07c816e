import type { EntityManager } from 'typeorm';
import { RulesVersion } from '../rules/rules-version.entity';
import type { Cycle } from './cycle.entity';
import { rulesPinMode } from './cycle.state-machine';
import { CyclesErrorCode, CyclesException } from './cycles.exception';

/** The rules version to pin, read through the cycle's transaction: it must be an adopted version of the same cluster. */
export async function findPinnableRulesVersion(
  manager: EntityManager,
  cycle: Cycle,
  rulesVersionId: string,
): Promise<RulesVersion> {
  const rules = await manager.findOneBy(RulesVersion, { id: rulesVersionId });
  if (!rules) {
    throw new CyclesException(
      CyclesErrorCode.RulesVersionNotFound,
      `There is no rules version with id ${rulesVersionId}.`,
      { rulesVersionId },
    );
  }
  if (rules.clusterId !== cycle.clusterId) {
    throw new CyclesException(
      CyclesErrorCode.RulesVersionOtherCluster,
      "The rules version belongs to another cluster; pin one of this cycle's cluster.",
      { rulesVersionId: rules.id },
    );
  }
  if (rules.status !== 'adopted') {
    throw new CyclesException(
      CyclesErrorCode.RulesVersionNotAdopted,
      `Rules version ${rules.number} is ${rules.status}; only an adopted version can be pinned.`,
      { rulesVersionId: rules.id, status: rules.status },
    );
  }
  return rules;
}

/**
 * Any adopted version until pledges are signed; then only an amendment of the pinned one (or a
 * first pin, should a cycle have none); nothing once evaluation starts.
 */
export async function assertMayRepin(manager: EntityManager, cycle: Cycle, rulesVersionId: string): Promise<void> {
  const mode = rulesPinMode(cycle.phase);
  if (mode === 'any' || (mode === 'amendment' && !cycle.rulesVersionId)) return;
  if (mode === 'amendment' && (await amends(manager, rulesVersionId, cycle.rulesVersionId!))) return;
  throw new CyclesException(
    CyclesErrorCode.RulesPinLocked,
    mode === 'locked'
      ? `The cycle is in ${cycle.phase}; the rules it is scored under can no longer change.`
      : `The cycle is in ${cycle.phase}; only an amendment of the pinned rules version can replace it now.`,
    { phase: cycle.phase, pinnedRulesVersionId: cycle.rulesVersionId, rulesVersionId },
  );
}

/** True when following `replaces_id` from `candidateId` reaches `pinnedId` (UNION stops on a loop). */
async function amends(manager: EntityManager, candidateId: string, pinnedId: string): Promise<boolean> {
  const rows = (await manager.query(
    `WITH RECURSIVE chain(id, replaces_id) AS (
       SELECT id, replaces_id FROM rules_versions WHERE id = $1
       UNION
       SELECT r.id, r.replaces_id FROM rules_versions r JOIN chain c ON r.id = c.replaces_id
     )
     SELECT 1 FROM chain WHERE id = $2 AND id <> $1 LIMIT 1`,
    [candidateId, pinnedId],
  )) as unknown[];
  return rows.length > 0;
}
