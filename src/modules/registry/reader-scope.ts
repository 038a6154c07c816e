import type { EntityManager } from 'typeorm';
import { isAdmin, secretariatClusterIds, type Actor } from '../../common/access/actor';
import { currentMembershipSql } from './current-membership';

/**
 * What a reader's mandates in force give them to read (docs/read-model.md): the clusters they
 * serve as secretariat, the units they belong to, and the clusters those units are members of
 * today. Read policies decide per record from this; it is loaded once per request that needs it.
 */
export interface ReaderScope {
  userId: string;
  admin: boolean;
  secretariatClusterIds: string[];
  /** The units in which the reader holds a mandate (head, officer or delegate) now. */
  unitIds: string[];
  /** The clusters the reader's units are members of today. */
  memberClusterIds: string[];
  /** The units that are members today of the clusters the reader serves as secretariat. */
  secretariatUnitIds: string[];
}

export async function loadReaderScope(manager: EntityManager, actor: Actor): Promise<ReaderScope> {
  const secretariat = secretariatClusterIds(actor);
  const unitIds = [...new Set(actor.mandates.filter((m) => m.unitId).map((m) => m.unitId!))];
  const [memberClusters, secretariatUnits] = await Promise.all([
    unitIds.length === 0
      ? []
      : (manager.query(
          `SELECT DISTINCT m.cluster_id FROM cluster_memberships m WHERE m.unit_id = ANY($1::uuid[]) AND ${currentMembershipSql('m')}`,
          [unitIds],
        ) as Promise<{ cluster_id: string }[]>),
    secretariat.length === 0
      ? []
      : (manager.query(
          `SELECT DISTINCT m.unit_id FROM cluster_memberships m WHERE m.cluster_id = ANY($1::uuid[]) AND ${currentMembershipSql('m')}`,
          [secretariat],
        ) as Promise<{ unit_id: string }[]>),
  ]);
  return {
    userId: actor.userId,
    admin: isAdmin(actor),
    secretariatClusterIds: secretariat,
    unitIds,
    memberClusterIds: memberClusters.map((r) => r.cluster_id),
    secretariatUnitIds: secretariatUnits.map((r) => r.unit_id),
  };
}
