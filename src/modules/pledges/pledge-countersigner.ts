import type { EntityManager } from 'typeorm';
import type { CycleFacts } from '../cycles';
import { termLeader } from '../registry';
import { DEFAULT_PLEDGE_RULES, findRulesVersion, type PledgeCountersigner } from '../rules';
import {
  secretariatCapacity,
  unitHeadCapacity,
  type SignerCapacity,
  SignaturesErrorCode,
  SignaturesException,
} from '../signatures';
import type { Pledge } from './pledge.entity';
import { referenced } from './pledge-scope';
import { PledgesErrorCode, PledgesException } from './pledges.exception';

/** Who countersigns a pledge version, as the rules version it was made under says. */
export async function countersignerOf(manager: EntityManager, pledge: Pledge): Promise<PledgeCountersigner> {
  const rules = referenced(await findRulesVersion(manager, pledge.rulesVersionId), 'rules version');
  return rules.content?.pledge?.countersignedBy ?? DEFAULT_PLEDGE_RULES.countersignedBy;
}

/**
 * The leader unit that countersigns a cycle's pledge: the leader of the cycle's year; until one
 * is recorded, the previous year's leader, still in office — the pledge of a year is often signed
 * at the previous year's meeting before the new leader is elected (as in 2011).
 */
export async function countersigningLeader(manager: EntityManager, cycle: CycleFacts) {
  const leadership =
    (await termLeader(manager, cycle.clusterId, cycle.year)) ??
    (await termLeader(manager, cycle.clusterId, cycle.year - 1));
  if (!leadership) {
    throw new PledgesException(
      PledgesErrorCode.ClusterLeaderUnknown,
      `No leader unit is recorded for ${cycle.year} (nor ${cycle.year - 1}): the secretariat records it with ` +
        'POST /clusters/{clusterId}/leaderships, then the head of that unit countersigns.',
      { termYear: cycle.year },
    );
  }
  return leadership;
}

/** The capacity the caller countersigns in at `at`, or a refusal saying who may. */
export async function countersignCapacity(
  manager: EntityManager,
  userId: string,
  pledge: Pledge,
  cycle: CycleFacts,
  at: Date,
): Promise<SignerCapacity> {
  if ((await countersignerOf(manager, pledge)) === 'secretariat') {
    const capacity = await secretariatCapacity(manager, userId, pledge.clusterId, at);
    if (capacity) return capacity;
    throw new SignaturesException(
      SignaturesErrorCode.CapacityMissing,
      "The rules this pledge is made under have the cluster's secretariat countersign it.",
      { requiredCapacity: 'secretariat' },
    );
  }
  const leadership = await countersigningLeader(manager, cycle);
  const capacity = await unitHeadCapacity(manager, userId, leadership.unitId, at, 'cluster_leader_head');
  if (capacity) return capacity;
  throw new SignaturesException(
    SignaturesErrorCode.CapacityMissing,
    `The head of the cluster leader unit (${leadership.unit!.name}, ${leadership.termYear}) countersigns the pledge.`,
    { requiredCapacity: 'cluster_leader_head', leaderUnitId: leadership.unitId, termYear: leadership.termYear },
  );
}
