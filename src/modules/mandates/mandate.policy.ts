import { isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
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
 * Who may grant or end which mandate. An administrator: any. A secretariat: unit roles
 * (officer, head, delegate) for units that are members today of a cluster they serve, and the
 * secretariat of their own cluster. Only an administrator grants or ends an administrator.
 * `unitClusterIds` are the clusters the mandate's unit belongs to today (empty for other roles).
 */
function mayManage(actor: Actor, scope: MandateScope, unitClusterIds: readonly string[]): boolean {
  if (isAdmin(actor)) return true;
  if (isClusterRole(scope.role)) return !!scope.clusterId && isSecretariatOf(actor, scope.clusterId);
  if (isUnitRole(scope.role)) return unitClusterIds.some((clusterId) => isSecretariatOf(actor, clusterId));
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

  assertMayGrant(actor: Actor, scope: MandateScope, unitClusterIds: readonly string[]): void {
    if (!mayManage(actor, scope, unitClusterIds)) {
      throw new MandatesException(MandatesErrorCode.GrantForbidden, forbiddenDetail(scope, 'grant'));
    }
  },

  assertMayEnd(actor: Actor, scope: MandateScope, unitClusterIds: readonly string[]): void {
    if (!mayManage(actor, scope, unitClusterIds)) {
      throw new MandatesException(MandatesErrorCode.EndForbidden, forbiddenDetail(scope, 'end'));
    }
  },
};

function forbiddenDetail(scope: MandateScope, verb: 'grant' | 'end'): string {
  if (isUnitRole(scope.role)) {
    return `Only an administrator or the secretariat of a cluster the unit belongs to today may ${verb} a ${scope.role} mandate.`;
  }
  if (isClusterRole(scope.role))
    return `Only an administrator or that cluster's secretariat may ${verb} a secretariat mandate.`;
  return `Only an administrator may ${verb} an admin mandate.`;
}
