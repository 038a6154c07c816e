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

export const RESULTS_REPORT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type ResultsReportStatus = (typeof RESULTS_REPORT_STATUSES)[number];

/**
 * A unit's report of the year's collective-economy results (báo cáo kết quả hoạt động kinh tế
 * tập thể). Drafted by the unit's officer, approved by its head; approved versions are read-only
 * (trigger `trg_results_reports_immutable`) and a correction is a new version.
 */
@Entity({ name: 'results_reports' })
@Index('uq_results_reports_version', ['cycleId', 'unitId', 'number'], { unique: true })
// At most one version in the works (draft or submitted) per unit and cycle.
@Index('uq_results_reports_open', ['cycleId', 'unitId'], { unique: true, where: `"status" <> 'approved'` })
@Check('ck_results_reports_status', `"status" IN ('draft', 'submitted', 'approved')`)
@Check(
  'ck_results_reports_non_negative',
  `"cooperatives" >= 0 AND "charter_capital_vnd" >= 0 AND "members_and_workers" >= 0 AND "cooperative_groups" >= 0 AND "group_members" >= 0 AND "new_cooperatives" >= 0 AND "new_member_cooperatives" >= 0`,
)
export class ResultsReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_results_reports' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** Foreign key only: cycles belong to the cycles module; this module keeps the id (issue 14). */
  @ManyToOne('Cycle', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_results_reports_cycle' })
  cycle?: never;

  @Index('ix_results_reports_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_results_reports_unit' })
  unit?: never;

  /** 1 for the first report, 2 for its first correction… */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text', default: 'draft' })
  status: ResultsReportStatus;

  @Column({ type: 'integer' })
  cooperatives: number;

  /** VND, exact: numeric in the database, a decimal string in TypeScript. */
  @Column({ name: 'charter_capital_vnd', type: 'numeric', precision: 20, scale: 0 })
  charterCapitalVnd: string;

  @Column({ name: 'members_and_workers', type: 'integer' })
  membersAndWorkers: number;

  @Column({ name: 'cooperative_groups', type: 'integer' })
  cooperativeGroups: number;

  @Column({ name: 'group_members', type: 'integer' })
  groupMembers: number;

  @Column({ name: 'new_cooperatives', type: 'integer' })
  newCooperatives: number;

  @Column({ name: 'new_member_cooperatives', type: 'integer' })
  newMemberCooperatives: number;

  /** Optional note per field: `{ "charterCapitalVnd": "…" }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  notes: Record<string, string>;

  /** The approved version this one corrects. */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ name: 'drafted_by', type: 'uuid' })
  draftedBy: string;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
