import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ApprovalRequest } from './approval-request.entity';

/**
 * One act on a request: who did what, when, under which mandate, for whom (a delegation), with
 * an optional comment. `countedFor` is whose approval it is — the person, or for cluster-wide
 * approvals the unit — and the unique index lets it count once per transition and round.
 */
@Entity({ name: 'approval_acts' })
@Index('uq_approval_acts_counted_once', ['requestId', 'round', 'transition', 'countedFor'], { unique: true })
export class ApprovalAct {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_approval_acts' })
  id: string;

  @Index('ix_approval_acts_request')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => ApprovalRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_approval_acts_request' })
  request?: ApprovalRequest;

  @Column({ type: 'integer' })
  round: number;

  @Column({ type: 'text' })
  transition: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState: string;

  /** The state the request moved to, or null when this act was counted but k is not yet reached. */
  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState: string | null;

  @Index('ix_approval_acts_actor')
  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  /** The mandate the actor (or the delegating head) held when acting. */
  @Column({ name: 'mandate_id', type: 'uuid', nullable: true })
  mandateId: string | null;

  @Column({ name: 'delegation_id', type: 'uuid', nullable: true })
  delegationId: string | null;

  /** `user:<id>` or `unit:<id>`: whose approval this act is. */
  @Column({ name: 'counted_for', type: 'text' })
  countedFor: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
