import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClusterMembership } from './cluster-membership.entity';
import { Cluster } from './cluster.entity';
import { Unit } from './unit.entity';

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An invitation to join a cluster (thư mời tham gia cụm thi đua), sent by its secretariat and
 * answered by the invited unit's head: a unit becomes a member only by its own consent, or by an
 * administrator (decision 019). Accepting writes the membership in the same transaction.
 */
@Entity({ name: 'cluster_invitations' })
@Check('ck_cluster_invitations_status', `"status" IN ('pending', 'accepted', 'declined', 'withdrawn')`)
@Check('ck_cluster_invitations_answered', `("status" = 'pending') = ("answered_by" IS NULL AND "answered_at" IS NULL)`)
@Check('ck_cluster_invitations_membership', `("status" = 'accepted') = ("membership_id" IS NOT NULL)`)
@Index('uq_cluster_invitations_pending', ['clusterId', 'unitId'], { unique: true, where: `"status" = 'pending'` })
export class ClusterInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cluster_invitations' })
  id: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => Cluster, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_cluster_invitations_cluster' })
  cluster?: Cluster;

  @Index('ix_cluster_invitations_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_cluster_invitations_unit' })
  unit?: Unit;

  /** The first day of membership if the unit accepts. */
  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: InvitationStatus;

  @Column({ name: 'invited_by', type: 'uuid' })
  invitedBy: string;

  /** The unit's head (accepted, declined) or the inviter's side (withdrawn). */
  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'membership_id', type: 'uuid', nullable: true })
  membershipId: string | null;

  @ManyToOne(() => ClusterMembership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'membership_id', foreignKeyConstraintName: 'fk_cluster_invitations_membership' })
  membership?: ClusterMembership;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
