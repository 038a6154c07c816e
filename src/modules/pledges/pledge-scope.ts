import type { EntityManager } from 'typeorm';
import { Cycle } from '../cycles/cycle.entity';
import { CyclesException } from '../cycles';
import { currentMembershipSql } from '../registry';
import { Unit } from '../registry/unit.entity';
import { Pledge } from './pledge.entity';
import { PledgesErrorCode, PledgesException } from './pledges.exception';
import { UnitPledge } from './unit-pledge.entity';

const LOCKS = { share: 'pessimistic_read', update: 'pessimistic_write' } as const;
type Lock = keyof typeof LOCKS;

/** The cycle, read (never written) here; a share lock keeps it from moving while a pledge of it is written. */
export async function findPledgeCycle(manager: EntityManager, cycleId: string, lock?: Lock): Promise<Cycle> {
  const cycle = await manager.findOne(Cycle, {
    where: { id: cycleId },
    ...(lock ? { lock: { mode: LOCKS[lock] } } : {}),
  });
  if (!cycle) throw CyclesException.cycleNotFound(cycleId);
  return cycle;
}

/** What a closed cycle freezes in this module, for the refusal's sentence (assertCycleOpen). */
export const PLEDGE_WORK_OF_THE_CYCLE = 'its pledge and progress reports';

export async function findPledge(manager: EntityManager, id: string, lock?: Lock): Promise<Pledge> {
  const pledge = await manager.findOne(Pledge, { where: { id }, ...(lock ? { lock: { mode: LOCKS[lock] } } : {}) });
  if (!pledge) throw PledgesException.pledgeNotFound(id);
  return pledge;
}

export async function findUnitPledge(manager: EntityManager, id: string, lock?: Lock): Promise<UnitPledge> {
  const unitPledge = await manager.findOne(UnitPledge, {
    where: { id },
    ...(lock ? { lock: { mode: LOCKS[lock] } } : {}),
  });
  if (!unitPledge) throw PledgesException.unitPledgeNotFound(id);
  return unitPledge;
}

/** The newest version of the cycle's pledge (the current one), or null before the first. */
export function currentPledgeOf(manager: EntityManager, cycleId: string): Promise<Pledge | null> {
  return manager.findOne(Pledge, { where: { cycleId }, order: { number: 'DESC' } });
}

/** Only the newest version changes, is signed or sealed; older ones stay as they were, readable. */
export async function assertCurrentVersion(manager: EntityManager, pledge: Pledge): Promise<void> {
  const current = await currentPledgeOf(manager, pledge.cycleId);
  if (current && current.id !== pledge.id) {
    throw new PledgesException(
      PledgesErrorCode.PledgeNotCurrent,
      `Version ${current.number} amends version ${pledge.number}; work on version ${current.number}.`,
      { currentPledgeId: current.id, currentVersion: current.number },
    );
  }
}

export function assertNotSealed(pledge: Pledge): void {
  if (pledge.status === 'sealed') {
    throw new PledgesException(
      PledgesErrorCode.PledgeSealed,
      `Version ${pledge.number} was sealed on ${pledge.sealedAt!.toISOString()}; a change is an amendment (POST /pledges/{id}/amendments).`,
      { sealedAt: pledge.sealedAt!.toISOString() },
    );
  }
}

/** The cluster's member units today, by code. */
export function currentMemberUnits(manager: EntityManager, clusterId: string): Promise<Unit[]> {
  return manager
    .getRepository(Unit)
    .createQueryBuilder('unit')
    .where(
      `EXISTS (SELECT 1 FROM cluster_memberships m WHERE m.unit_id = unit.id AND m.cluster_id = :clusterId AND ${currentMembershipSql('m')})`,
      { clusterId },
    )
    .orderBy('unit.code', 'ASC')
    .getMany();
}
