import type { EntityManager } from 'typeorm';
import { headAuthoritiesAt } from '../approvals';
import { secretariatMandateAt } from '../mandates';
import { databaseNow } from '../../common/clock/database-clock';

/**
 * Why a person may sign a document: the capacity they sign in, the unit they sign for, and the
 * mandate (and delegation) that gave them that capacity at the moment of signing. Stored with the
 * signature and put in the bundle, so that a verifier can check it without us.
 */
export interface SignerCapacity {
  /** `unit_head`, `cluster_leader_head`, `secretariat`, `counting_board`… */
  capacity: string;
  unitId: string | null;
  /** The signer's own mandate, or — under a delegation — the delegating head's mandate. */
  mandateId: string | null;
  delegationId: string | null;
}

/**
 * The head of `unitId` at `at`: the person's own head mandate, else a delegation from the unit's
 * head that also needs the delegate's own mandate in the unit at `at`. The same check as the
 * approval path (`headAuthoritiesAt`), so nobody signs what they could not approve. Null when neither.
 */
export async function unitHeadCapacity(
  manager: EntityManager,
  userId: string,
  unitId: string,
  at: Date,
  capacity = 'unit_head',
): Promise<SignerCapacity | null> {
  const [authority] = await headAuthoritiesAt(manager, userId, { at, unitId });
  return authority ? { capacity, unitId, mandateId: authority.mandateId, delegationId: authority.delegationId } : null;
}

/** A secretariat mandate of `clusterId` held by the person at `at`, or null. */
export async function secretariatCapacity(
  manager: EntityManager,
  userId: string,
  clusterId: string,
  at: Date,
): Promise<SignerCapacity | null> {
  const own = await secretariatMandateAt(manager, userId, clusterId, at);
  return own ? { capacity: 'secretariat', unitId: null, mandateId: own, delegationId: null } : null;
}

/** The database's clock, to the millisecond, so that what we store and what a verifier compares agree. */
export async function signingTime(manager: EntityManager): Promise<Date> {
  return databaseNow(manager);
}
