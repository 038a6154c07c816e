import type { EntityManager } from 'typeorm';
import type { RulesContent } from './rules-content';
import { RulesVersion, type RulesVersionStatus } from './rules-version.entity';

/** A rules version as other modules read it (never write it). */
export interface RulesVersionFacts {
  id: string;
  clusterId: string;
  number: number;
  title: string;
  status: RulesVersionStatus;
  content: RulesContent;
  contentDigest: string;
  adoptedAt: Date | null;
}

/** The rules version, or null; read in the caller's transaction (a share lock on request). */
export async function findRulesVersion(
  manager: EntityManager,
  id: string,
  lock?: 'share',
): Promise<RulesVersionFacts | null> {
  const row = await manager.findOne(RulesVersion, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
  if (!row) return null;
  const { clusterId, number, title, status, content, contentDigest, adoptedAt } = row;
  return { id, clusterId, number, title, status, content, contentDigest, adoptedAt };
}
