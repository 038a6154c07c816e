import { holdsUnitRole, isAdmin, type Actor } from '../../common/access/actor';
import { CLUSTER_ROLES, UNIT_ROLES, type Role } from './mandate.entity';
import { MandatesErrorCode, MandatesException } from './mandates.exception';

export interface MandateScope {
  role: Role;
  unitId?: string | null;
  clusterId?: string | null;
}

const isUnitRole = (role: Role) => (UNIT_ROLES as readonly Role[]).includes(role);
const isClusterRole = (role: Role) => (CLUSTER_ROLES as readonly Role[]).includes(role);

/**
 * Who may grant or end which mandate (docs/registry.md, "who may grant what"): an administrator
 * any; the unit's own head (a head mandate in force now) the officer and delegate mandates of that
 * unit. Head, secretariat and admin mandates: an administrator only — a unit's head is appointed by
 * the province, and the secretariat is a clerk of the members, not their superior. A cluster's
 * secretariat grants nothing.
 */
function mayManage(actor: Actor, scope: MandateScope): boolean {
  if (isAdmin(actor)) return true;
  if (scope.role === 'officer' || scope.role === 'delegate') {
    return !!scope.unitId && holdsUnitRole(actor, scope.unitId, 'head');
  }
  return false;
}

export const MandatePolicy = {
  /** The role's scope, which the database also enforces (ck_mandates_scope); checked here to say why. */
  assertScopeFitsRole(scope: MandateScope): void {
    if (isUnitRole(scope.role)) {
      if (!scope.unitId)
        throw new MandatesException(
          MandatesErrorCode.UnitRequired,
          `A ${scope.role} mandate needs the unitId of the unit.`,
        );
      if (scope.clusterId) {
        throw new MandatesException(
          MandatesErrorCode.ScopeNotAllowed,
          `A ${scope.role} mandate is held for a unit; do not send clusterId.`,
        );
      }
    } else if (isClusterRole(scope.role)) {
      if (!scope.clusterId) {
        throw new MandatesException(
          MandatesErrorCode.ClusterRequired,
          'A secretariat mandate needs the clusterId of the cluster.',
        );
      }
      if (scope.unitId) {
        throw new MandatesException(
          MandatesErrorCode.ScopeNotAllowed,
          'A secretariat mandate is held for a cluster; do not send unitId.',
        );
      }
    } else if (scope.unitId || scope.clusterId) {
      throw new MandatesException(
        MandatesErrorCode.ScopeNotAllowed,
        'An admin mandate covers the whole system; send neither unitId nor clusterId.',
      );
    }
  },

  /** Nobody grants a mandate to themselves, administrators included (also ck_mandates_not_self_granted). */
  assertMayGrant(actor: Actor, scope: MandateScope, userId: string): void {
    if (userId === actor.userId) {
      throw new MandatesException(
        MandatesErrorCode.SelfGrantForbidden,
        'Nobody grants a mandate to themselves; ask whoever may grant it to do so.',
      );
    }
    if (!mayManage(actor, scope)) {
      throw new MandatesException(MandatesErrorCode.GrantForbidden, forbiddenDetail(scope, 'grant'));
    }
  },

  /** Who may grant a mandate may end it; a head does not end their own head mandate (an administrator does). */
  assertMayEnd(actor: Actor, scope: MandateScope): void {
    if (!mayManage(actor, scope)) {
      throw new MandatesException(MandatesErrorCode.EndForbidden, forbiddenDetail(scope, 'end'));
    }
  },
};

function forbiddenDetail(scope: MandateScope, verb: 'grant' | 'end'): string {
  if (scope.role === 'officer' || scope.role === 'delegate') {
    return `Only an administrator or the head of this unit may ${verb} a ${scope.role} mandate; a cluster's secretariat may not.`;
  }
  if (isClusterRole(scope.role)) return `Only an administrator may ${verb} a secretariat mandate.`;
  if (scope.role === 'head')
    return `Only an administrator (for the unit's appointing body) may ${verb} a head mandate.`;
  return `Only an administrator may ${verb} an admin mandate.`;
}
