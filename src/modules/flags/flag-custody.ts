import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { Flag } from './flag.entity';
import { FlagCustodyPeriod, type CustodyCause } from './flag-custody-period.entity';
import { FlagsException } from './flags.exception';

/**
 * The only place custody changes. Every change first locks the flag row (`SELECT … FOR UPDATE`),
 * so changes to one flag run one after the other; the database then checks the chain again
 * (one open period, no overlap, closed periods read-only — see the flags migration).
 */
export async function lockFlag(manager: EntityManager, flagId: string): Promise<Flag> {
  const flag = await manager.findOne(Flag, { where: { id: flagId }, lock: { mode: 'pessimistic_write' } });
  if (!flag) throw FlagsException.flagNotFound({ flagId });
  return flag;
}

/** The flag's open period (exactly one exists: the database guarantees it at every commit). */
export async function openPeriod(manager: EntityManager, flagId: string): Promise<FlagCustodyPeriod> {
  const period = await manager.findOne(FlagCustodyPeriod, { where: { flagId, endedAt: IsNull() } });
  if (!period) throw FlagsException.custodyConflict();
  return period;
}

/**
 * The moment of a custody change: the database's clock when the lock was obtained (not the
 * transaction's start, which may precede a change committed while this one waited), to the ms.
 */
export async function custodyTime(manager: EntityManager, notBefore: Date): Promise<Date> {
  const [row] = (await manager.query(`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`)) as {
    now: Date;
  }[];
  const now = new Date(row.now);
  return now < notBefore ? notBefore : now;
}

export type NextPeriod = Pick<FlagCustodyPeriod, 'state' | 'custodianUnitId' | 'cause'> &
  Partial<Pick<FlagCustodyPeriod, 'handoverId' | 'leadershipId' | 'electionPollId' | 'signedDocumentId'>>;

/** A period id decided before the change, so that the ledger entry written first can name it. */
export const newPeriodId = (): string => randomUUID();

/** Closes the open period at `at` and opens the next one from `at`: one link of the chain. */
export async function moveCustody(
  manager: EntityManager,
  current: FlagCustodyPeriod,
  next: NextPeriod & { id: string },
  at: Date,
): Promise<FlagCustodyPeriod> {
  await manager.update(FlagCustodyPeriod, { id: current.id }, { endedAt: at });
  return manager.save(
    manager.create(FlagCustodyPeriod, {
      handoverId: null,
      leadershipId: null,
      electionPollId: null,
      signedDocumentId: null,
      ...next,
      flagId: current.flagId,
      position: current.position + 1,
      startedAt: at,
      endedAt: null,
    }),
  );
}

/** The first period of a newly registered flag. */
export async function firstPeriod(
  manager: EntityManager,
  flagId: string,
  custodianUnitId: string,
  at: Date,
): Promise<FlagCustodyPeriod> {
  const cause: CustodyCause = 'registered';
  return manager.save(
    manager.create(FlagCustodyPeriod, {
      flagId,
      position: 1,
      state: 'held',
      custodianUnitId,
      cause,
      startedAt: at,
      endedAt: null,
      handoverId: null,
      leadershipId: null,
      electionPollId: null,
      signedDocumentId: null,
    }),
  );
}
