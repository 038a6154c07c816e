import { holdsUnitRole, isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { UNIT_ROLES } from '../../common/access/roles';
import { PledgesErrorCode, PledgesException } from './pledges.exception';

/** What the record-level checks need to know of a unit's pledge (or its progress report). */
export interface UnitScope {
  unitId: string;
  clusterId: string;
}

/**
 * Record-level rules for pledges. The shared text is the secretariat's; a unit's targets and
 * progress are the unit's own business (its officer or head, not even an administrator). Whether
 * a person may SIGN is decided at signing time from mandates (see signer-capacity.ts).
 */
export const PledgePolicy = {
  assertMayManage(actor: Actor, clusterId: string): void {
    if (!isSecretariatOf(actor, clusterId)) {
      throw new PledgesException(
        PledgesErrorCode.ManageForbidden,
        "Only the secretariat of the cycle's cluster sets the pledge's shared text and its versions.",
      );
    }
  },

  assertMayDraft(actor: Actor, unitId: string): void {
    if (!holdsUnitRole(actor, unitId, 'officer') && !holdsUnitRole(actor, unitId, 'head')) {
      throw new PledgesException(
        PledgesErrorCode.DraftForbidden,
        "Only an officer or the head of the unit may change the unit's targets or progress reports.",
        { unitId },
      );
    }
  },

  /** Drafts (targets before approval, progress before approval) are the unit's, its secretariat's and admins'. */
  maySeeDrafts(actor: Actor, scope: UnitScope): boolean {
    return (
      isAdmin(actor) ||
      isSecretariatOf(actor, scope.clusterId) ||
      UNIT_ROLES.some((role) => holdsUnitRole(actor, scope.unitId, role))
    );
  },

  assertMaySeeDraft(actor: Actor, scope: UnitScope): void {
    if (!PledgePolicy.maySeeDrafts(actor, scope)) {
      throw new PledgesException(
        PledgesErrorCode.NotVisible,
        "Until its head approves it, this is visible only to the unit's people, the cluster's secretariat and administrators.",
      );
    }
  },
};
