import type { EntityManager } from 'typeorm';
import { amendsRulesVersion, findRulesVersion, type RulesVersionFacts } from '../rules';
import type { Cycle } from './cycle.entity';
import { rulesPinMode } from './cycle.state-machine';
import { CyclesErrorCode, CyclesException } from './cycles.exception';

/** The rules version to pin, read through the cycle's transaction: it must be an adopted version of the same cluster. */
export async function findPinnableRulesVersion(
  manager: EntityManager,
  cycle: Cycle,
  rulesVersionId: string,
): Promise<RulesVersionFacts> {
  const rules = await findRulesVersion(manager, rulesVersionId);
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
  if (mode === 'amendment' && (await amendsRulesVersion(manager, rulesVersionId, cycle.rulesVersionId!))) return;
  throw new CyclesException(
    CyclesErrorCode.RulesPinLocked,
    mode === 'locked'
      ? `The cycle is in ${cycle.phase}; the rules it is scored under can no longer change.`
      : `The cycle is in ${cycle.phase}; only an amendment of the pinned rules version can replace it now.`,
    { phase: cycle.phase, pinnedRulesVersionId: cycle.rulesVersionId, rulesVersionId },
  );
}
