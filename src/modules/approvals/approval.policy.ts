import { isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import type { Role } from '../../common/access/roles';
import type { ApprovalRequest } from './approval-request.entity';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception';
import type { ApproverScope, WorkflowDefinition, WorkflowTransition } from './workflow-definition';

/** A delegation to the caller that holds now: in its window, not revoked, its delegator heads the unit today. */
export interface DelegatedAuthority {
  delegationId: string;
  unitId: string;
  delegatorId: string;
  /** The delegator's head mandate in force now: the mandate the delegate's act is taken under. */
  mandateId: string;
}

/** An act of the request's current round, with the person whose authority it used. */
export interface RoundAct {
  transition: string;
  actorId: string;
  /** The actor, or the head who delegated when the act was taken under a delegation. */
  principalId: string;
  countedFor: string;
}

/** What the decision needs, looked up by the service in its transaction. */
export interface ApprovalFacts {
  actor: Actor;
  request: Pick<ApprovalRequest, 'clusterId' | 'unitId' | 'draftedBy'>;
  delegations: readonly DelegatedAuthority[];
  /** The units that are members of the request's cluster today. */
  memberUnitIds: ReadonlySet<string>;
  roundActs: readonly RoundAct[];
}

/** In whose name, under which mandate, an act is taken, and whose approval it counts as. */
export interface ApproverCapacity {
  principalId: string;
  mandateId: string;
  delegationId: string | null;
  countedFor: string;
}

export type ApproverDecision = { capacity: ApproverCapacity } | { refusal: ApprovalsException };

const SCOPE_WORDS: Record<ApproverScope, string> = {
  unit_officer: "an officer or the head of the document's unit",
  unit_head: "the head of the document's unit (or a person the head delegated to)",
  member_heads: "the head of a member unit of the document's cluster (or a person the head delegated to)",
  cluster_secretariat: "the secretariat of the document's cluster",
};

function ownMandates(actor: Actor, roles: readonly Role[], accept: (unitId: string) => boolean) {
  return actor.mandates.filter((m) => roles.includes(m.role) && m.unitId !== null && accept(m.unitId));
}

/** Every capacity the actor could act in for this scope, and those it has only for the owning unit. */
function capacitiesFor(facts: ApprovalFacts, scope: ApproverScope): { eligible: ApproverCapacity[]; ownUnit: number } {
  const { actor, request } = facts;
  const self = (mandateId: string, countedFor = `user:${actor.userId}`): ApproverCapacity => ({
    principalId: actor.userId,
    mandateId,
    delegationId: null,
    countedFor,
  });
  const delegated = (d: DelegatedAuthority, countedFor: string): ApproverCapacity => ({
    principalId: d.delegatorId,
    mandateId: d.mandateId,
    delegationId: d.delegationId,
    countedFor,
  });
  const ofRequestUnit = (unitId: string) => unitId === request.unitId;
  switch (scope) {
    case 'unit_officer':
      return { eligible: ownMandates(actor, ['officer', 'head'], ofRequestUnit).map((m) => self(m.id)), ownUnit: 0 };
    case 'unit_head':
      return {
        eligible: [
          ...ownMandates(actor, ['head'], ofRequestUnit).map((m) => self(m.id)),
          ...facts.delegations.filter((d) => ofRequestUnit(d.unitId)).map((d) => delegated(d, `user:${d.delegatorId}`)),
        ],
        ownUnit: 0,
      };
    case 'member_heads': {
      const member = (unitId: string) => facts.memberUnitIds.has(unitId);
      const all = [
        ...ownMandates(actor, ['head'], member).map((m) => ({
          unitId: m.unitId!,
          capacity: self(m.id, `unit:${m.unitId}`),
        })),
        ...facts.delegations
          .filter((d) => member(d.unitId))
          .map((d) => ({ unitId: d.unitId, capacity: delegated(d, `unit:${d.unitId}`) })),
      ];
      const eligible = all.filter((c) => !ofRequestUnit(c.unitId)).map((c) => c.capacity);
      return { eligible, ownUnit: all.length - eligible.length };
    }
    case 'cluster_secretariat':
      return {
        eligible: actor.mandates
          .filter((m) => m.role === 'secretariat' && m.clusterId === request.clusterId)
          .map((m) => self(m.id)),
        ownUnit: 0,
      };
  }
}

/** Separation of duties: neither the acting person nor the principal drafted it or acted in this round. */
function violatesSeparation(facts: ApprovalFacts, capacity: ApproverCapacity): boolean {
  const persons = new Set([facts.actor.userId, capacity.principalId]);
  if (persons.has(facts.request.draftedBy)) return true;
  return facts.roundActs.some((act) => persons.has(act.actorId) || persons.has(act.principalId));
}

/**
 * Who the actor acts as for a transition, or why they may not take it. Administrators get no
 * special power here: approving is the act of a head, an officer or the secretariat.
 */
export function decideApprover(facts: ApprovalFacts, transition: WorkflowTransition): ApproverDecision {
  const { eligible, ownUnit } = capacitiesFor(facts, transition.by);
  if (eligible.length === 0) {
    return {
      refusal: ownUnit
        ? new ApprovalsException(
            ApprovalsErrorCode.OwnUnitSubmission,
            `'${transition.name}' is for the other member units: a unit does not approve its own submission.`,
            { scope: transition.by },
          )
        : new ApprovalsException(
            ApprovalsErrorCode.NotAnApprover,
            `'${transition.name}' is taken by ${SCOPE_WORDS[transition.by]}; none of your mandates or delegations is that.`,
            { scope: transition.by },
          ),
    };
  }
  let refusal: ApprovalsException | undefined;
  for (const capacity of eligible) {
    if (facts.roundActs.some((act) => act.transition === transition.name && act.countedFor === capacity.countedFor)) {
      refusal ??= new ApprovalsException(
        ApprovalsErrorCode.AlreadyActed,
        `'${transition.name}' has already been given for ${capacity.countedFor} in this round; it counts once.`,
        { countedFor: capacity.countedFor },
      );
      continue;
    }
    if (transition.independent !== false && violatesSeparation(facts, capacity)) {
      refusal ??= new ApprovalsException(
        ApprovalsErrorCode.SeparationOfDuties,
        capacity.delegationId
          ? 'You, or the head you act for, drafted this document or already acted on it in this round.'
          : 'You drafted this document or already acted on it in this round; someone else must take this step.',
        { scope: transition.by },
      );
      continue;
    }
    return { capacity };
  }
  return { refusal: refusal! };
}

/** The transitions out of the current state the caller could take now — the same checks as an act. */
export function availableTransitions(
  definition: WorkflowDefinition,
  request: Pick<ApprovalRequest, 'state'>,
  facts: ApprovalFacts,
): string[] {
  return definition.transitions
    .filter((t) => t.from === request.state && 'capacity' in decideApprover(facts, t))
    .map((t) => t.name);
}

export const ApprovalPolicy = {
  /**
   * Administrators and the cluster's secretariat; for a unit's document (a report, targets, a
   * score sheet: drafts until approved) the people of that unit only; for a document the member
   * heads decide (the cluster's rules) the people of its member units.
   */
  assertMayView(
    actor: Actor,
    request: Pick<ApprovalRequest, 'clusterId' | 'unitId'>,
    memberUnitIds: ReadonlySet<string>,
    definition: Pick<WorkflowDefinition, 'transitions'>,
  ) {
    if (isAdmin(actor) || isSecretariatOf(actor, request.clusterId)) return;
    const decidedByMembers = definition.transitions.some((t) => t.by === 'member_heads');
    const visible = decidedByMembers
      ? actor.mandates.some((m) => m.unitId !== null && (m.unitId === request.unitId || memberUnitIds.has(m.unitId)))
      : actor.mandates.some((m) => m.unitId !== null && m.unitId === request.unitId);
    if (visible) return;
    throw new ApprovalsException(
      ApprovalsErrorCode.NotVisible,
      "Only the cluster's secretariat, administrators and the people of the unit concerned (of its member units, for the cluster's own documents) see this request.",
    );
  },

  assertCommentGiven(transition: WorkflowTransition, comment: string | undefined): void {
    if (transition.commentRequired && !comment?.trim()) {
      throw new ApprovalsException(
        ApprovalsErrorCode.CommentRequired,
        `'${transition.name}' needs a comment saying why.`,
        { transition: transition.name },
      );
    }
  },
};
