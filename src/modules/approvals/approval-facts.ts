import { In, type EntityManager } from 'typeorm';
import { secretariatClusterIds, type Actor } from '../../common/access/actor';
import type { SortTerm } from '../../common/pagination/pagination';
import { currentClusterIdsOfUnits } from '../registry';
import { ApprovalAct } from './approval-act.entity';
import { ApprovalDelegation } from './approval-delegation.entity';
import { ApprovalRequest } from './approval-request.entity';
import type { DelegatedAuthority, RoundAct } from './approval.policy';
import type { ApproverScope, WorkflowDefinition } from './workflow-definition';
import { headAuthoritiesAt } from './head-authority';

/**
 * The database facts approval decisions need, in batches so that a list (pending) costs a few
 * queries, not a few per request. Pass the transaction's manager when inside one.
 */

/**
 * Delegations to this person that hold now: in their window, not revoked, the delegator still
 * heads the unit, and the delegate still holds a mandate of it (the check signatures share).
 */
export async function delegationsHeldBy(manager: EntityManager, delegateId: string): Promise<DelegatedAuthority[]> {
  const held = await headAuthoritiesAt(manager, delegateId, { delegatedOnly: true });
  return held.map((h) => ({
    delegationId: h.delegationId!,
    unitId: h.unitId,
    delegatorId: h.principalId,
    mandateId: h.mandateId,
  }));
}

/** An act with the person whose authority it used (the delegator, for acts under a delegation). */
export interface ActRecord {
  act: ApprovalAct;
  principalId: string;
}

/** Every act of the requests, oldest first, grouped by request. */
export async function actsOf(manager: EntityManager, requestIds: readonly string[]): Promise<Map<string, ActRecord[]>> {
  const byRequest = new Map<string, ActRecord[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return byRequest;
  const acts = await manager.find(ApprovalAct, {
    where: { requestId: In([...requestIds]) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const delegationIds = [...new Set(acts.map((a) => a.delegationId).filter((id): id is string => id !== null))];
  const delegators = new Map(
    delegationIds.length
      ? (
          await manager.find(ApprovalDelegation, {
            select: { id: true, delegatorId: true },
            where: { id: In(delegationIds) },
          })
        ).map((d) => [d.id, d.delegatorId])
      : [],
  );
  for (const act of acts) {
    const principalId = (act.delegationId && delegators.get(act.delegationId)) || act.actorId;
    byRequest.get(act.requestId)!.push({ act, principalId });
  }
  return byRequest;
}

export function roundActs(records: readonly ActRecord[], round: number): RoundAct[] {
  return records
    .filter((r) => r.act.round === round)
    .map((r) => ({
      transition: r.act.transition,
      actorId: r.act.actorId,
      principalId: r.principalId,
      countedFor: r.act.countedFor,
    }));
}

/**
 * Requests the caller might act on, narrowed in SQL: per scope, the units or clusters the caller's
 * mandates and delegations reach, and the (workflow, state) pairs with a step in that scope. The
 * full decision (own unit, separation of duties, already acted) is made in code afterwards.
 */
export async function pendingCandidates(
  manager: EntityManager,
  actor: Actor,
  delegations: readonly DelegatedAuthority[],
  workflows: readonly WorkflowDefinition[],
  sort: readonly SortTerm[],
): Promise<ApprovalRequest[]> {
  const unitsWith = (roles: string[]) =>
    actor.mandates.filter((m) => roles.includes(m.role) && m.unitId).map((m) => m.unitId!);
  const headUnits = [...unitsWith(['head']), ...delegations.map((d) => d.unitId)];
  const reach: [ApproverScope, 'unitId' | 'clusterId', string[]][] = [
    ['unit_officer', 'unitId', unitsWith(['officer', 'head'])],
    ['unit_head', 'unitId', headUnits],
    ['member_heads', 'clusterId', await currentClusterIdsOfUnits(manager, headUnits)],
    ['cluster_secretariat', 'clusterId', secretariatClusterIds(actor)],
  ];
  const qb = manager.getRepository(ApprovalRequest).createQueryBuilder('request');
  const clauses: string[] = [];
  for (const [scope, column, ids] of reach) {
    const steps = workflows.flatMap((w) =>
      w.transitions.filter((t) => t.by === scope).map((t) => `${w.key}/${t.from}`),
    );
    if (ids.length === 0 || steps.length === 0) continue;
    clauses.push(
      `(request.${column} IN (:...${scope}_ids) AND (request.workflowKey || '/' || request.state) IN (:...${scope}_steps))`,
    );
    qb.setParameter(`${scope}_ids`, [...new Set(ids)]).setParameter(`${scope}_steps`, [...new Set(steps)]);
  }
  if (clauses.length === 0) return [];
  qb.where(`(${clauses.join(' OR ')})`);
  sort.forEach((term, i) => qb[i === 0 ? 'orderBy' : 'addOrderBy'](`request.${term.property}`, term.direction));
  return qb.addOrderBy('request.id', 'ASC').getMany();
}
