import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A head's delegation of approvals (ủy quyền phê duyệt) to another person of the same unit for a
 * time window [validFrom, validTo). Acts under it record the delegation; revoking ends it early.
 */
@Entity({ name: 'approval_delegations' })
@Check('ck_approval_delegations_period', `"valid_to" > "valid_from"`)
@Check('ck_approval_delegations_distinct', `"delegator_id" <> "delegate_id"`)
export class ApprovalDelegation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_approval_delegations' })
  id: string;

  @Index('ix_approval_delegations_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_approval_delegations_unit' })
  unit?: never;

  @Column({ name: 'delegator_id', type: 'uuid' })
  delegatorId: string;

  /** Foreign key only: people belong to users; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegator_id', foreignKeyConstraintName: 'fk_approval_delegations_delegator' })
  delegator?: never;

  @Index('ix_approval_delegations_delegate')
  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId: string;

  /** Foreign key only: people belong to users; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id', foreignKeyConstraintName: 'fk_approval_delegations_delegate' })
  delegate?: never;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz' })
  validTo: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
