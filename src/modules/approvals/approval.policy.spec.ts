import type { Actor, ActiveMandate } from '../../common/access/actor';
import { permissionsFor } from '../../common/access/permission';
import { ApprovalsErrorCode } from './approvals.exception';
import { availableTransitions, decideApprover, type ApprovalFacts } from './approval.policy';
import type { WorkflowDefinition, WorkflowTransition } from './workflow-definition';

const CLUSTER = 'cluster-1';
const OWN_UNIT = 'unit-own';
const OTHER_UNIT = 'unit-other';

function actor(userId: string, ...mandates: Partial<ActiveMandate>[]): Actor {
  const full = mandates.map((m, i) => ({
    id: `${userId}-m${i}`,
    role: 'head' as const,
    unitId: null,
    clusterId: null,
    validFrom: new Date(0),
    validTo: null,
    ...m,
  }));
  return {
    userId,
    email: `${userId}@x`,
    fullName: userId,
    locale: 'vi',
    sessionId: 's',
    mandates: full,
    permissions: permissionsFor(full.map((m) => m.role)),
  };
}

function facts(who: Actor, overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    actor: who,
    request: { clusterId: CLUSTER, unitId: OWN_UNIT, draftedBy: 'drafter' },
    delegations: [],
    memberUnitIds: new Set([OWN_UNIT, OTHER_UNIT]),
    roundActs: [],
    ...overrides,
  };
}

const adopt: WorkflowTransition = { name: 'adopt', from: 'proposed', to: 'adopted', by: 'member_heads' };
const approve: WorkflowTransition = { name: 'approve', from: 'submitted', to: 'approved', by: 'unit_head' };
const codeOf = (decision: ReturnType<typeof decideApprover>) => ('refusal' in decision ? decision.refusal.code : null);

describe('decideApprover', () => {
  const otherHead = actor('h2', { role: 'head', unitId: OTHER_UNIT });

  it('counts a member head for their unit, under their own head mandate', () => {
    expect(decideApprover(facts(otherHead), adopt)).toEqual({
      capacity: { principalId: 'h2', mandateId: 'h2-m0', delegationId: null, countedFor: `unit:${OTHER_UNIT}` },
    });
  });

  it('refuses the owning unit, non-members, admins and the secretariat for member_heads', () => {
    expect(codeOf(decideApprover(facts(actor('h1', { unitId: OWN_UNIT })), adopt))).toBe(
      ApprovalsErrorCode.OwnUnitSubmission,
    );
    const outside = facts(otherHead, { memberUnitIds: new Set([OWN_UNIT]) });
    expect(codeOf(decideApprover(outside, adopt))).toBe(ApprovalsErrorCode.NotAnApprover);
    expect(codeOf(decideApprover(facts(actor('a', { role: 'admin' })), adopt))).toBe(ApprovalsErrorCode.NotAnApprover);
    const secretariat = actor('s', { role: 'secretariat', clusterId: CLUSTER });
    expect(codeOf(decideApprover(facts(secretariat), adopt))).toBe(ApprovalsErrorCode.NotAnApprover);
  });

  it('acts under a delegation in the name of the delegating head', () => {
    const officer = actor('o1', { role: 'officer', unitId: OWN_UNIT });
    const delegated = facts(officer, {
      delegations: [{ delegationId: 'd1', unitId: OWN_UNIT, delegatorId: 'h1', mandateId: 'h1-m0' }],
    });
    expect(decideApprover(delegated, approve)).toEqual({
      capacity: { principalId: 'h1', mandateId: 'h1-m0', delegationId: 'd1', countedFor: 'user:h1' },
    });
  });

  it('separation of duties covers the drafter, earlier actors of the round, and the head behind a delegate', () => {
    const head = actor('h1', { unitId: OWN_UNIT });
    expect(
      codeOf(
        decideApprover(facts(head, { request: { clusterId: CLUSTER, unitId: OWN_UNIT, draftedBy: 'h1' } }), approve),
      ),
    ).toBe(ApprovalsErrorCode.SeparationOfDuties);
    const submittedByHead = [{ transition: 'submit', actorId: 'h1', principalId: 'h1', countedFor: 'user:h1' }];
    const officer = actor('o1', { role: 'officer', unitId: OWN_UNIT });
    const viaDelegate = facts(officer, {
      delegations: [{ delegationId: 'd1', unitId: OWN_UNIT, delegatorId: 'h1', mandateId: 'h1-m0' }],
      roundActs: submittedByHead,
    });
    expect(codeOf(decideApprover(viaDelegate, approve))).toBe(ApprovalsErrorCode.SeparationOfDuties);
    expect(
      codeOf(decideApprover(facts(head, { roundActs: submittedByHead }), { ...approve, independent: false })),
    ).toBe(null);
  });

  it('a unit counts once per transition and round', () => {
    const given = [{ transition: 'adopt', actorId: 'x', principalId: 'x', countedFor: `unit:${OTHER_UNIT}` }];
    expect(codeOf(decideApprover(facts(otherHead, { roundActs: given }), adopt))).toBe(ApprovalsErrorCode.AlreadyActed);
  });

  it('lists only the transitions out of the current state the caller could take', () => {
    const definition = {
      transitions: [adopt, { ...adopt, name: 'reject', to: 'draft' }, { ...approve, from: 'proposed' }],
    } as WorkflowDefinition;
    expect(availableTransitions(definition, { state: 'proposed' }, facts(otherHead))).toEqual(['adopt', 'reject']);
    expect(availableTransitions(definition, { state: 'adopted' }, facts(otherHead))).toEqual([]);
  });
});
