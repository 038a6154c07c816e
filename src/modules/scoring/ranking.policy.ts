import type { EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/access/actor';
import { isCurrentMember } from '../registry';
import { RankingException } from './ranking.exception';
import { managesCluster } from './score-sheet.policy';
import { ScoringErrorCode, ScoringException } from './scoring.exception';

/**
 * Who may read a cluster's ranking: administrators and anyone holding a mandate of the cluster
 * (its secretariat) or of one of its current member units. It shows submitted sheets only, so
 * nobody sees another unit's draft through it. Pass the transaction's manager when inside one.
 */
export async function assertMayReadRanking(manager: EntityManager, actor: Actor, clusterId: string): Promise<void> {
  if (isAdmin(actor) || actor.mandates.some((m) => m.clusterId === clusterId)) return;
  const unitIds = [...new Set(actor.mandates.filter((m) => m.unitId).map((m) => m.unitId!))];
  if (await isCurrentMember(manager, clusterId, unitIds)) return;
  throw RankingException.notVisible();
}

/** Adopting the scores is the cluster secretariat's act (or an administrator's). */
export function assertMayAdopt(actor: Actor, clusterId: string): void {
  if (!managesCluster(actor, clusterId)) {
    throw new ScoringException(
      ScoringErrorCode.NotClusterSecretariat,
      "Only the cluster's secretariat or an administrator may adopt the ranking.",
      { clusterId },
    );
  }
}
