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
import { UnitPledge } from './unit-pledge.entity';

export const PROGRESS_PERIODS = ['mid_year', 'year_end'] as const;
export type ProgressPeriod = (typeof PROGRESS_PERIODS)[number];
export const PROGRESS_REPORT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type ProgressReportStatus = (typeof PROGRESS_REPORT_STATUSES)[number];

/**
 * A unit's report of actual values against its signed targets (báo cáo tiến độ thực hiện giao
 * ước), mid-year (sơ kết) or at year end, approved by its head. Approved versions are read-only
 * (trigger `trg_pledge_progress_reports_immutable`); a correction is a new version.
 */
@Entity({ name: 'pledge_progress_reports' })
@Index('uq_pledge_progress_reports_version', ['unitPledgeId', 'period', 'number'], { unique: true })
@Index('uq_pledge_progress_reports_open', ['unitPledgeId', 'period'], { unique: true, where: `"status" <> 'approved'` })
@Check('ck_pledge_progress_reports_period', `"period" IN ('mid_year', 'year_end')`)
@Check('ck_pledge_progress_reports_status', `"status" IN ('draft', 'submitted', 'approved')`)
export class PledgeProgressReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledge_progress_reports' })
  id: string;

  @Index('ix_pledge_progress_reports_unit_pledge')
  @Column({ name: 'unit_pledge_id', type: 'uuid' })
  unitPledgeId: string;

  @ManyToOne(() => UnitPledge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_pledge_id', foreignKeyConstraintName: 'fk_pledge_progress_reports_unit_pledge' })
  unitPledge?: UnitPledge;

  @Column({ type: 'text' })
  period: ProgressPeriod;

  /** 1 for the first report of the period, +1 for each correction. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text', default: 'draft' })
  status: ProgressReportStatus;

  @Column({ name: 'drafted_by', type: 'uuid' })
  draftedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
