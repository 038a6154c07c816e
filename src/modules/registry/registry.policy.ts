import { holdsUnitRole, isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { RegistryErrorCode, RegistryException } from './registry.exception';

/**
 * Record-level rules for clusters, units, memberships and invitations (docs/registry.md). The
 * route's permission is checked before; these decide whether it applies to this record. A unit is
 * its own: its name, its people and its joining or leaving a cluster are decided by its head (a
 * head mandate in force now) or an administrator — never by a cluster's secretariat (decision 019).
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

  /**
   * An administrator, or the secretariat of that cluster — except the parent body: moving a
   * cluster under another body changes which clusters its members may also join, so only an administrator.
   */
  assertMayUpdateCluster(actor: Actor, clusterId: string, changesParent: boolean): void {
    if (isAdmin(actor)) return;
    if (!isSecretariatOf(actor, clusterId)) {
      throw new RegistryException(
        RegistryErrorCode.ClusterUpdateForbidden,
        'Only an administrator or the secretariat of this cluster may change it.',
      );
    }
    if (changesParent) {
      throw new RegistryException(
        RegistryErrorCode.ClusterUpdateForbidden,
        'Only an administrator may move a cluster under another parent body.',
      );
    }
  },

  /** Units are registered by an administrator (of the national alliance); a unit then runs itself. */
  assertMayCreateUnit(actor: Actor): void {
    if (!isAdmin(actor)) {
      throw new RegistryException(
        RegistryErrorCode.UnitCreationForbidden,
        'Only an administrator registers units; ask one to register it.',
      );
    }
  },

  /** The unit's head or an administrator names and describes the unit. */
  assertMayUpdateUnit(actor: Actor, unitId: string): void {
    if (!isAdmin(actor) && !holdsUnitRole(actor, unitId, 'head')) {
      throw new RegistryException(
        RegistryErrorCode.UnitUpdateForbidden,
        "Only the unit's head or an administrator may change the unit; a cluster's secretariat may not.",
      );
    }
  },

  /**
   * The head names and describes the unit (name, short name); its identity in the registry — code,
   * province, kind — is the administrator's, as registering the unit is.
   */
  assertMayChangeUnitFields(actor: Actor, changed: readonly string[]): void {
    const identity = changed.filter((field) => !['name', 'shortName'].includes(field));
    if (identity.length && !isAdmin(actor)) {
      throw new RegistryException(
        RegistryErrorCode.UnitUpdateForbidden,
        `Only an administrator changes a unit's ${identity.join(', ')}; its head changes the name and short name.`,
        { fields: identity },
      );
    }
  },

  /** Admitting a unit without its invitation being accepted: an administrator only. */
  assertMayAdmitDirectly(actor: Actor): void {
    if (!isAdmin(actor)) {
      throw new RegistryException(
        RegistryErrorCode.MembershipChangeForbidden,
        "A unit joins a cluster when its head accepts the secretariat's invitation; only an administrator admits directly.",
      );
    }
  },

  /** Leaving: the unit's own head, or an administrator (e.g. on the members' decision). Not the secretariat. */
  assertMayEndMembership(actor: Actor, unitId: string): void {
    if (!isAdmin(actor) && !holdsUnitRole(actor, unitId, 'head')) {
      throw new RegistryException(
        RegistryErrorCode.MembershipChangeForbidden,
        "Only the unit's head or an administrator may end its membership of a cluster.",
      );
    }
  },

  /** Inviting, and withdrawing an invitation: the secretariat of that cluster or an administrator. */
  assertMayInvite(actor: Actor, clusterId: string): void {
    if (!isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
      throw new RegistryException(
        RegistryErrorCode.InvitationForbidden,
        'Only an administrator or the secretariat of this cluster may invite units to it.',
      );
    }
  },

  /** Accepting or declining: the invited unit's head only — the consent is the unit's own. */
  assertMayAnswerInvitation(actor: Actor, unitId: string): void {
    if (!holdsUnitRole(actor, unitId, 'head')) {
      throw new RegistryException(
        RegistryErrorCode.InvitationAnswerForbidden,
        "Only the invited unit's head answers its invitation (an administrator may admit the unit directly).",
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
