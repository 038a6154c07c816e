import type { EntityManager } from 'typeorm';
import { isAdmin, secretariatClusterIds, type Actor } from '../../common/access/actor';
import type { LedgerReader } from '../ledger';
import { currentClusterIdsOfUnits, currentMembersOfClusters } from './current-membership';

/**
 * What a reader's mandates in force give them to read (docs/read-model.md): the clusters they
 * serve as secretariat, the units they belong to, and the clusters those units are members of
 * today. Read policies decide per record from this; it is loaded once per request that needs it.
 * It is the ledger's `LedgerReader`: the registry registers this loader with the ledger at start.
 */
export type ReaderScope = LedgerReader;

export async function loadReaderScope(manager: EntityManager, actor: Actor): Promise<ReaderScope> {
  const secretariat = secretariatClusterIds(actor);
  const unitIds = [...new Set(actor.mandates.filter((m) => m.unitId).map((m) => m.unitId!))];
  const [memberClusterIds, secretariatMembers] = await Promise.all([
    currentClusterIdsOfUnits(manager, unitIds),
    currentMembersOfClusters(manager, secretariat),
  ]);
  return {
    userId: actor.userId,
    admin: isAdmin(actor),
    secretariatClusterIds: secretariat,
    unitIds,
    memberClusterIds,
    secretariatUnitIds: [...new Set([...secretariatMembers.values()].flatMap((units) => [...units]))],
  };
}
