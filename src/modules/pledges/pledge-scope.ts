import type { EntityManager } from 'typeorm';
import { signedDocuments, type SignedDocumentFacts } from '../signatures';
import { unitRefs, type UnitRef } from '../registry';
import { Pledge } from './pledge.entity';
import { PledgesErrorCode, PledgesException } from './pledges.exception';
import { UnitPledge } from './unit-pledge.entity';

const LOCKS = { share: 'pessimistic_read', update: 'pessimistic_write' } as const;
type Lock = keyof typeof LOCKS;

/**
 * What a closed cycle freezes in this module, for the refusal's sentence (cycles' assertCycleOpen,
 * lockOpenCycle). The cycle itself is read through the cycles front door, never written here.
 */
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

/** A row this module's foreign key points at, read through its owner: missing only if the database is broken (a 500). */
export function referenced<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined) throw new Error(`${what} is missing although a foreign key points at it`);
  return row;
}

/** A signed document this module's row points at (unit pledge, seal), as the signatures module stored it. */
export async function storedDocument(manager: EntityManager, id: string): Promise<SignedDocumentFacts> {
  return referenced((await signedDocuments(manager, [id])).get(id), 'signed document');
}

/** The unit a part of a pledge (or its progress report) belongs to, named by the registry. */
export async function unitOfPart(manager: EntityManager, unitId: string): Promise<UnitRef> {
  return referenced((await unitRefs(manager, [unitId])).get(unitId), 'unit');
}
