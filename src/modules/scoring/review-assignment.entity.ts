import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ScoringPeriod } from './scoring-period.entity';

/** A cross-reviewer (người chấm chéo) assigned to a unit's sheet for a period — never from that unit. */
@Entity({ name: 'review_assignments' })
@Index('uq_review_assignments', ['periodId', 'unitId', 'reviewerId'], { unique: true })
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_review_assignments' })
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ScoringPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_review_assignments_period' })
  period?: ScoringPeriod;

  /** The unit under review. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_review_assignments_unit' })
  unit?: never;

  @Index('ix_review_assignments_reviewer')
  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  /** Foreign key only: people belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'fk_review_assignments_reviewer' })
  reviewer?: never;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
