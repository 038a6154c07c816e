import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Cluster } from './cluster.entity';
import { Unit } from './unit.entity';

/** A unit's membership of a cluster over time (thành viên cụm): joined, and possibly left. */
@Entity({ name: 'cluster_memberships' })
@Check('ck_cluster_memberships_dates', `"left_on" IS NULL OR "left_on" >= "joined_on"`)
// At most one open membership of a unit in a cluster; closed periods are history.
@Index('uq_cluster_memberships_open', ['clusterId', 'unitId'], { unique: true, where: '"left_on" IS NULL' })
// A unit is in at most one cluster under the same parent body on any day (decision 019).
@Exclusion(
  'ex_cluster_memberships_one_cluster_per_parent',
  `USING gist ("unit_id" WITH =, (COALESCE("parent_unit_id", '00000000-0000-0000-0000-000000000000'::uuid)) WITH =, daterange("joined_on", "left_on", '[]') WITH &&)`,
)
export class ClusterMembership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cluster_memberships' })
  id: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => Cluster, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_cluster_memberships_cluster' })
  cluster?: Cluster;

  @Index('ix_cluster_memberships_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_cluster_memberships_unit' })
  unit?: Unit;

  /**
   * The cluster's parent body, copied by the trigger `trg_cluster_memberships_parent` (whatever
   * the writer sends) so that the exclusion constraint can compare clusters under one parent.
   */
  @Column({ name: 'parent_unit_id', type: 'uuid', nullable: true, select: false, insert: false, update: false })
  parentUnitId?: string | null;

  /** Calendar days ('YYYY-MM-DD'): membership is decided by meetings, not instants. */
  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
