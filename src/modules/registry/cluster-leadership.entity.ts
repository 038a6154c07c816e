import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cluster } from './cluster.entity';
import { Unit } from './unit.entity';

export const LEADERSHIP_ROLES = ['leader', 'deputy'] as const;
export type LeadershipRole = (typeof LEADERSHIP_ROLES)[number];
export const LEADERSHIP_BASES = ['recorded', 'election'] as const;
export type LeadershipBasis = (typeof LEADERSHIP_BASES)[number];

/**
 * Which member unit leads (cụm trưởng) or deputises (cụm phó) a cluster for a one-year term.
 * `election` rows are written when a leader election is certified; `recorded` rows are entered
 * by the secretariat for terms decided before the service (e.g. 2011). Append-only
 * (trigger `trg_cluster_leaderships_append_only`): one row per cluster, term and role.
 */
@Entity({ name: 'cluster_leaderships' })
@Index('uq_cluster_leaderships_term_role', ['clusterId', 'termYear', 'role'], { unique: true })
@Check('ck_cluster_leaderships_role', `"role" IN ('leader', 'deputy')`)
@Check('ck_cluster_leaderships_basis', `"basis" IN ('recorded', 'election')`)
@Check('ck_cluster_leaderships_election', `("basis" = 'election') = ("poll_id" IS NOT NULL)`)
@Check('ck_cluster_leaderships_term', `"term_year" BETWEEN 2000 AND 2200`)
export class ClusterLeadership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cluster_leaderships' })
  id: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => Cluster, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_cluster_leaderships_cluster' })
  cluster?: Cluster;

  @Index('ix_cluster_leaderships_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_cluster_leaderships_unit' })
  unit?: Unit;

  @Column({ type: 'text' })
  role: LeadershipRole;

  /** The calendar year of the term (the cycle year it leads). */
  @Column({ name: 'term_year', type: 'integer' })
  termYear: number;

  @Column({ type: 'text' })
  basis: LeadershipBasis;

  /** The certified leader-election poll, when the basis is an election. */
  @Column({ name: 'poll_id', type: 'uuid', nullable: true })
  pollId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
