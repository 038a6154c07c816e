import { isAdmin, isSecretariatOf, secretariatClusterIds, type Actor } from '../../common/access/actor';
import { RegistryErrorCode, RegistryException } from './registry.exception';

/**
 * Record-level rules for clusters, units and memberships. The route's permission is checked
 * before; these decide whether it applies to this record. Facts that need the database (a unit's
 * current clusters) are looked up by the service, in its transaction, and passed in.
 */
export const RegistryPolicy = {
  assertMayCreateCluster(actor: Actor): void {
    if (!isAdmin(actor)) {
      throw new RegistryException(
        RegistryErrorCode.ClusterCreationForbidden,
        'Ask an administrator to create the cluster.',
      );
    }
  },

  /** An administrator, or the secretariat of that cluster. */
  assertMayUpdateCluster(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new RegistryException(
        RegistryErrorCode.ClusterUpdateForbidden,
        'Only an administrator or the secretariat of this cluster may change it.',
      );
    }
  },

  /** An administrator, or the secretariat of any cluster (they register the units they admit). */
  assertMayCreateUnit(actor: Actor): void {
    if (!isAdmin(actor) && secretariatClusterIds(actor).length === 0) {
      throw new RegistryException(
        RegistryErrorCode.UnitCreationForbidden,
        'Only an administrator or a cluster secretariat may create units.',
      );
    }
  },

  /** An administrator, or the secretariat of a cluster the unit is a member of today. */
  assertMayUpdateUnit(actor: Actor, unitClusterIds: readonly string[]): void {
    if (!isAdmin(actor) && !unitClusterIds.some((clusterId) => isSecretariatOf(actor, clusterId))) {
      throw new RegistryException(
        RegistryErrorCode.UnitUpdateForbidden,
        'Only an administrator or the secretariat of a cluster this unit currently belongs to may change it.',
      );
    }
  },

  /** An administrator, or the secretariat of that cluster. */
  assertMayChangeMembers(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new RegistryException(
        RegistryErrorCode.MembershipChangeForbidden,
        'Only an administrator or the secretariat of this cluster may change its members.',
      );
    }
  },

  /** An administrator, or the secretariat of that cluster (records terms decided outside the service). */
  assertMayRecordLeadership(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new RegistryException(
        RegistryErrorCode.LeadershipRecordForbidden,
        'Only an administrator or the secretariat of this cluster may record its leader or deputy.',
      );
    }
  },
};
