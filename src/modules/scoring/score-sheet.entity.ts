import {
  Check,
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
import { ScoringPeriod } from './scoring-period.entity';

/**
 * A unit's score sheet (bảng tự chấm điểm) for a period: its entries per leaf criterion and
 * bonus/penalty item. Drafted by the unit's officer, submitted by its head through the approval
 * workflow `score_sheet`; `status` follows the workflow.
 */
@Entity({ name: 'score_sheets' })
@Index('uq_score_sheets_period_unit', ['periodId', 'unitId'], { unique: true })
@Check('ck_score_sheets_status', `"status" IN ('draft', 'submitted')`)
export class ScoreSheet {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_score_sheets' })
  id: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @ManyToOne(() => ScoringPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_score_sheets_period' })
  period?: ScoringPeriod;

  @Index('ix_score_sheets_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_score_sheets_unit' })
  unit?: never;

  @Column({ type: 'text', default: 'draft' })
  status: 'draft' | 'submitted';

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
