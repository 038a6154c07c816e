import type { EntityManager } from 'typeorm';
import { ApprovalDelegation } from './approval-delegation.entity';

/** A delegation as other modules read it (a signature may rest on one). */
export interface DelegationRecord {
  id: string;
  unitId: string;
  delegatorId: string;
  delegateId: string;
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
}

/** The delegations of these ids, in no particular order; read in the caller's transaction. */
export async function delegationRecords(manager: EntityManager, ids: readonly string[]): Promise<DelegationRecord[]> {
  if (ids.length === 0) return [];
  const delegations = await manager
    .getRepository(ApprovalDelegation)
    .createQueryBuilder('row')
    .where('row.id IN (:...ids)', { ids })
    .getMany();
  return delegations.map((d) => ({
    id: d.id,
    unitId: d.unitId,
    delegatorId: d.delegatorId,
    delegateId: d.delegateId,
    validFrom: d.validFrom,
    validTo: d.validTo,
    revokedAt: d.revokedAt,
  }));
}
