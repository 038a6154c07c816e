import { DomainException, type ErrorDefinition } from '../../common/errors/domain.exception';
import { explainConstraint } from '../../common/errors/constraint-errors';

export enum RegistryErrorCode {
  ClusterNotFound = 'cluster_not_found',
  UnitNotFound = 'unit_not_found',
  MembershipNotFound = 'membership_not_found',
  ClusterCodeTaken = 'cluster_code_taken',
  UnitCodeTaken = 'unit_code_taken',
  MembershipAlreadyOpen = 'membership_already_open',
  MembershipPeriodOverlaps = 'membership_period_overlaps',
  MembershipAlreadyEnded = 'membership_already_ended',
  MembershipEndsBeforeStart = 'membership_ends_before_start',
  ClusterCreationForbidden = 'cluster_creation_forbidden',
  ClusterUpdateForbidden = 'cluster_update_forbidden',
  UnitCreationForbidden = 'unit_creation_forbidden',
  UnitUpdateForbidden = 'unit_update_forbidden',
  MembershipChangeForbidden = 'membership_change_forbidden',
  LeadershipRecordForbidden = 'leadership_record_forbidden',
  LeadershipUnitNotMember = 'leadership_unit_not_member',
  LeadershipExists = 'leadership_exists',
  UnitInOtherCluster = 'unit_in_other_cluster',
  InvitationNotFound = 'invitation_not_found',
  InvitationForbidden = 'invitation_forbidden',
  InvitationAnswerForbidden = 'invitation_answer_forbidden',
  InvitationNotPending = 'invitation_not_pending',
  InvitationAlreadyPending = 'invitation_already_pending',
}

const REGISTRY_ERRORS: Record<RegistryErrorCode, ErrorDefinition> = {
  [RegistryErrorCode.ClusterNotFound]: { status: 404, title: 'No such cluster' },
  [RegistryErrorCode.UnitNotFound]: { status: 404, title: 'No such unit' },
  [RegistryErrorCode.MembershipNotFound]: { status: 404, title: 'No such membership in this cluster' },
  [RegistryErrorCode.ClusterCodeTaken]: { status: 409, title: 'Another cluster already uses this code' },
  [RegistryErrorCode.UnitCodeTaken]: { status: 409, title: 'Another unit already uses this code' },
  [RegistryErrorCode.MembershipAlreadyOpen]: { status: 409, title: 'The unit is already a member of this cluster' },
  [RegistryErrorCode.MembershipPeriodOverlaps]: {
    status: 409,
    title: 'The unit was still a member of this cluster on that day',
  },
  [RegistryErrorCode.MembershipAlreadyEnded]: { status: 409, title: 'The membership has already ended' },
  [RegistryErrorCode.MembershipEndsBeforeStart]: { status: 400, title: 'A membership cannot end before it started' },
  [RegistryErrorCode.ClusterCreationForbidden]: { status: 403, title: 'Only an administrator may create a cluster' },
  [RegistryErrorCode.ClusterUpdateForbidden]: { status: 403, title: 'You may not change this cluster' },
  [RegistryErrorCode.UnitCreationForbidden]: { status: 403, title: 'You may not create units' },
  [RegistryErrorCode.UnitUpdateForbidden]: { status: 403, title: 'You may not change this unit' },
  [RegistryErrorCode.MembershipChangeForbidden]: { status: 403, title: "You may not change this cluster's members" },
  [RegistryErrorCode.LeadershipRecordForbidden]: {
    status: 403,
    title: "You may not record this cluster's leader or deputy",
  },
  [RegistryErrorCode.LeadershipUnitNotMember]: {
    status: 422,
    title: 'The unit is not a current member of the cluster',
  },
  [RegistryErrorCode.LeadershipExists]: {
    status: 409,
    title: 'The cluster already has a leader (or deputy) for this term',
  },
  [RegistryErrorCode.UnitInOtherCluster]: {
    status: 409,
    title: 'The unit is a member of another cluster under the same parent body on some of those days',
  },
  [RegistryErrorCode.InvitationNotFound]: { status: 404, title: 'No such invitation' },
  [RegistryErrorCode.InvitationForbidden]: { status: 403, title: 'You may not invite units to this cluster' },
  [RegistryErrorCode.InvitationAnswerForbidden]: {
    status: 403,
    title: "Only the invited unit's head answers the invitation",
  },
  [RegistryErrorCode.InvitationNotPending]: { status: 409, title: 'The invitation has already been answered' },
  [RegistryErrorCode.InvitationAlreadyPending]: {
    status: 409,
    title: 'The unit already has a pending invitation to this cluster',
  },
};

export class RegistryException extends DomainException<RegistryErrorCode> {
  readonly definitions = REGISTRY_ERRORS;

  static clusterNotFound(id: string): RegistryException {
    return new RegistryException(RegistryErrorCode.ClusterNotFound, `There is no cluster with id ${id}.`, {
      clusterId: id,
    });
  }

  static leadershipExists(): RegistryException {
    return new RegistryException(
      RegistryErrorCode.LeadershipExists,
      'A term has one leader and one deputy; the record stands (terms are append-only).',
    );
  }

  static unitNotFound(id: string): RegistryException {
    return new RegistryException(RegistryErrorCode.UnitNotFound, `There is no unit with id ${id}.`, { unitId: id });
  }
}

explainConstraint(
  'uq_clusters_code',
  () => new RegistryException(RegistryErrorCode.ClusterCodeTaken, 'Another cluster already uses this code.'),
);
explainConstraint(
  'uq_units_code',
  () => new RegistryException(RegistryErrorCode.UnitCodeTaken, 'Another unit already uses this code.'),
);
explainConstraint(
  'uq_cluster_memberships_open',
  () => new RegistryException(RegistryErrorCode.MembershipAlreadyOpen, 'The unit is already a member of this cluster.'),
);
explainConstraint('uq_cluster_leaderships_term_role', () => RegistryException.leadershipExists());
explainConstraint(
  'ex_cluster_memberships_one_cluster_per_parent',
  () =>
    new RegistryException(
      RegistryErrorCode.UnitInOtherCluster,
      'A unit is a member of at most one cluster under the same parent body at a time.',
    ),
);
explainConstraint(
  'uq_cluster_invitations_pending',
  () =>
    new RegistryException(
      RegistryErrorCode.InvitationAlreadyPending,
      'The unit already has a pending invitation to this cluster.',
    ),
);
