import { isAdmin, type Actor } from '../../common/access/actor';
import type { ApprovalDelegation } from './approval-delegation.entity';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception';

/** Who may delegate a unit's approvals, and who may take a delegation back. */
export const DelegationPolicy = {
  /** Only the head of the unit, today; returns the head mandate the delegation rests on. */
  assertMayGrant(actor: Actor, unitId: string): string {
    const head = actor.mandates.find((m) => m.role === 'head' && m.unitId === unitId);
    if (!head) {
      throw new ApprovalsException(
        ApprovalsErrorCode.DelegationForbidden,
        "Only a person who heads this unit today may delegate the unit's approvals.",
        { unitId },
      );
    }
    return head.id;
  },

  assertMayRevoke(actor: Actor, delegation: ApprovalDelegation): void {
    if (delegation.delegatorId !== actor.userId && !isAdmin(actor)) {
      throw new ApprovalsException(
        ApprovalsErrorCode.DelegationRevokeForbidden,
        'Only the head who granted this delegation, or an administrator, may revoke it.',
      );
    }
  },
};
