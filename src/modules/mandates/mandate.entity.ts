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
import { User } from '../users/user.entity';
import { Cluster } from '../registry/cluster.entity';
import { Unit } from '../registry/unit.entity';

export const UNIT_ROLES = ['officer', 'head', 'delegate'] as const;
export const CLUSTER_ROLES = ['secretariat'] as const;
export const SYSTEM_ROLES = ['admin'] as const;
export const ROLES = [...SYSTEM_ROLES, ...CLUSTER_ROLES, ...UNIT_ROLES] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export type Role = (typeof ROLES)[number];

/**
 * A mandate (nhiệm vụ, ủy quyền): a person holds a role for a scope over a period —
 * officer/head/delegate of a unit, secretariat of a cluster, or system administrator.
 * Kept forever, so that we can prove who was head of a unit on the day they signed.
 * The period is half-open: [validFrom, validTo).
 */
@Entity({ name: 'mandates' })
@Check(
  'ck_mandates_scope',
  `("role" IN ('officer', 'head', 'delegate') AND "unit_id" IS NOT NULL AND "cluster_id" IS NULL)
    OR ("role" = 'secretariat' AND "cluster_id" IS NOT NULL AND "unit_id" IS NULL)
    OR ("role" = 'admin' AND "unit_id" IS NULL AND "cluster_id" IS NULL)`,
)
@Check('ck_mandates_period', `"valid_to" IS NULL OR "valid_to" > "valid_from"`)
@Check('ck_mandates_not_self_granted', `"granted_by" IS NULL OR "granted_by" <> "user_id"`)
// One head per unit at any instant, whoever writes the row (decision 020).
@Exclusion(
  'ex_mandates_one_head_per_unit',
  `USING gist ("unit_id" WITH =, tstzrange("valid_from", "valid_to", '[)') WITH &&) WHERE ("role" = 'head')`,
)
@Index('ix_mandates_user_period', ['userId', 'validFrom'])
export class Mandate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mandates' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mandates_user' })
  user?: User;

  @Column({ type: 'text' })
  role: Role;

  @Index('ix_mandates_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_mandates_unit' })
  unit?: Unit;

  @Index('ix_mandates_cluster')
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @ManyToOne(() => Cluster, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_mandates_cluster' })
  cluster?: Cluster;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  /** Who ended the mandate (set with `validTo` by the end route); null while open or planned. */
  @Column({ name: 'ended_by', type: 'uuid', nullable: true })
  endedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
