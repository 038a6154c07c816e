import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * A document travelling through an approval workflow (quy trình phê duyệt): a rules version, a
 * results report, later pledges, score sheets and nominations. One request per document; its
 * `state` moves only through the transitions of its workflow definition.
 */
@Entity({ name: 'approval_requests' })
@Index('uq_approval_requests_subject', ['subjectType', 'subjectId'], { unique: true })
export class ApprovalRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_approval_requests' })
  id: string;

  @Index('ix_approval_requests_workflow_state')
  @Column({ name: 'workflow_key', type: 'text' })
  workflowKey: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** The cluster the document belongs to (for cluster-wide approvers such as member heads). */
  @Index('ix_approval_requests_cluster')
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_approval_requests_cluster' })
  cluster?: never;

  /** The unit that owns the document, when a unit submits it (a report, a pledge). */
  @Index('ix_approval_requests_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_approval_requests_unit' })
  unit?: never;

  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'drafted_by', type: 'uuid' })
  draftedBy: string;

  /** Starts at 1; a document sent back to its initial state starts a new round of acts. */
  @Column({ type: 'integer', default: 1 })
  round: number;

  /** k of a k-of-n transition, fixed when the request opens (e.g. heads needed to adopt rules). */
  @Column({ name: 'approvals_required', type: 'integer', default: 1 })
  approvalsRequired: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic version: an act names the version it saw (If-Match); a stale one gets 409. */
  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
