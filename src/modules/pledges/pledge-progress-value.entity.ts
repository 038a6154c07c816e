import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PledgeProgressReport } from './pledge-progress-report.entity';
import { PledgeTarget } from './pledge-target.entity';

/** The actual value of one target in a progress report. */
@Entity({ name: 'pledge_progress_values' })
@Index('uq_pledge_progress_values_target', ['reportId', 'targetId'], { unique: true })
export class PledgeProgressValue {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledge_progress_values' })
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => PledgeProgressReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_pledge_progress_values_report' })
  report?: PledgeProgressReport;

  @Index('ix_pledge_progress_values_target')
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @ManyToOne(() => PledgeTarget, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'fk_pledge_progress_values_target' })
  target?: PledgeTarget;

  @Column({ name: 'actual_value', type: 'numeric', precision: 20, scale: 2 })
  actualValue: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
