import type { EntityManager } from 'typeorm';

/** The cycle's newest pledge as other modules read it: its status and the units that have signed it. */
export interface NewestPledgeFacts {
  status: string;
  signedUnitIds: string[];
}

/** The newest pledge (highest number) of the cycle with its signed units, or null; in the caller's transaction. */
export async function newestPledgeOfCycle(manager: EntityManager, cycleId: string): Promise<NewestPledgeFacts | null> {
  const [pledge] = (await manager.query(
    `SELECT p.status, COALESCE(array_agg(up.unit_id) FILTER (WHERE up.status = 'signed'), '{}') AS signed
       FROM pledges p LEFT JOIN unit_pledges up ON up.pledge_id = p.id
      WHERE p.cycle_id = $1 GROUP BY p.id, p.number, p.status ORDER BY p.number DESC LIMIT 1`,
    [cycleId],
  )) as { status: string; signed: string[] }[];
  return pledge ? { status: pledge.status, signedUnitIds: pledge.signed } : null;
}
