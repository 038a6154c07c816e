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

/** A scoring snapshot of the final ranking, as adopted: immutable with the period. */
export interface AdoptedRanking {
  stage: 'final';
  rows: { unitId: string; rank: number; total: string; criteria: string; bonus: string; penalty: string }[];
  leadingUnitId: string | null;
  tieBreaks: string[];
}

/**
 * A scoring period (đợt chấm điểm) of a cycle — usually one, at year end — scored against the
 * criteria tree of the rules version the cycle pins. Adopted periods are immutable (trigger
 * `trg_scoring_periods_immutable`), and so are their sheets' entries.
 */
@Entity({ name: 'scoring_periods' })
@Index('uq_scoring_periods_cycle_name', ['cycleId', 'name'], { unique: true })
@Check('ck_scoring_periods_status', `"status" IN ('open', 'adopted')`)
export class ScoringPeriod {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_scoring_periods' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** Foreign key only: cycles belong to the cycles module; this module keeps the id (issue 14). */
  @ManyToOne('Cycle', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_scoring_periods_cycle' })
  cycle?: never;

  @Column({ type: 'text' })
  name: string;

  /** The rules version whose criteria tree this period scores against (the cycle's, when opened). */
  @Column({ name: 'rules_version_id', type: 'uuid' })
  rulesVersionId: string;

  /** Last day (Asia/Ho_Chi_Minh) on which units may enter or change self scores. */
  @Column({ name: 'self_scoring_due', type: 'date' })
  selfScoringDue: string;

  /** Last day on which a unit may explain a difference between its self score and the review. */
  @Column({ name: 'explanation_due', type: 'date' })
  explanationDue: string;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'adopted';

  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true })
  adoptedAt: Date | null;

  @Column({ name: 'adopted_by', type: 'uuid', nullable: true })
  adoptedBy: string | null;

  @Column({ name: 'adopted_ranking', type: 'jsonb', nullable: true })
  adoptedRanking: AdoptedRanking | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
