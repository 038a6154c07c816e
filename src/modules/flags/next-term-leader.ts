import type { EntityManager } from 'typeorm';
import type { CycleFacts } from '../cycles';
import { termLeader, type TermLeader } from '../registry';

/**
 * The leader unit a certified election chose for the term after the cycle's year: the flag's
 * only possible recipient. A leader recorded by hand (basis `recorded`) does not count.
 */
export async function electedNextTermLeader(
  manager: EntityManager,
  cycle: Pick<CycleFacts, 'clusterId' | 'year'>,
): Promise<TermLeader | null> {
  const leader = await termLeader(manager, cycle.clusterId, cycle.year + 1);
  return leader?.basis === 'election' ? leader : null;
}
