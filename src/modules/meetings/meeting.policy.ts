import { holdsUnitRole, isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { MeetingsErrorCode, MeetingsException } from './meetings.exception';

/** The unit roles whose holder may sit for the unit at a meeting. */
export const SITTING_ROLES = ['delegate', 'head'] as const;

/**
 * Record-level rules for meetings: the secretariat of the cluster (or an administrator) runs
 * them; a unit's delegate or head signs the register for that unit only.
 */
export const MeetingPolicy = {
  mayManage(actor: Actor, clusterId: string): boolean {
    return isAdmin(actor) || isSecretariatOf(actor, clusterId);
  },

  assertMayManage(actor: Actor, clusterId: string): void {
    if (!MeetingPolicy.mayManage(actor, clusterId)) {
      throw new MeetingsException(
        MeetingsErrorCode.ManageForbidden,
        "Only an administrator or this cluster's secretariat may run its meetings and record attendance for others.",
        { clusterId },
      );
    }
  },

  maySitFor(actor: Actor, unitId: string): boolean {
    return SITTING_ROLES.some((role) => holdsUnitRole(actor, unitId, role));
  },

  /** The units the actor may sit for, among `memberUnitIds`. */
  sittingUnits(actor: Actor, memberUnitIds: readonly string[]): string[] {
    return memberUnitIds.filter((unitId) => MeetingPolicy.maySitFor(actor, unitId));
  },
};
