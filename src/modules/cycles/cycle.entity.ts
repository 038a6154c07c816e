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
import type { CyclePhase } from './cycle-phase';

/**
 * A cluster's yearly emulation cycle (chu kỳ thi đua): one per cluster per year, moving forward
 * through its phases. `rulesVersionId` pins the reward rules the year runs under.
 */
@Entity({ name: 'cycles' })
@Index('uq_cycles_cluster_year', ['clusterId', 'year'], { unique: true })
@Check(
  'ck_cycles_phase',
  `"phase" IN ('setup', 'rules_adoption', 'pledge_signing', 'in_progress', 'evaluation', 'voting', 'handover', 'closed')`,
)
@Check('ck_cycles_year', `"year" BETWEEN 2000 AND 2200`)
export class Cycle {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cycles' })
  id: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_cycles_cluster' })
  cluster?: never;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text', default: 'setup' })
  phase: CyclePhase;

  /** Phase deadlines as calendar days in Asia/Ho_Chi_Minh: `{ "pledge_signing": "2012-03-31" }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  deadlines: Partial<Record<CyclePhase, string>>;

  @Index('ix_cycles_rules_version')
  @Column({ name: 'rules_version_id', type: 'uuid', nullable: true })
  rulesVersionId: string | null;

  /** Foreign key only: rules versions belong to the rules module; this module keeps the id (issue 14). */
  @ManyToOne('RulesVersion', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rules_version_id', foreignKeyConstraintName: 'fk_cycles_rules_version' })
  rulesVersion?: never;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
