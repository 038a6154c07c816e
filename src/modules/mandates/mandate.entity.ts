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
import type { Role } from '../../common/access/roles';
// Still named here for the files that import them from the entity; new code takes src/common/access/roles.
export { CLUSTER_ROLES, ROLES, SYSTEM_ROLES, UNIT_ROLES, type Role, type UnitRole } from '../../common/access/roles';

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

  /** Foreign key only: people belong to users; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mandates_user' })
  user?: never;

  @Column({ type: 'text' })
  role: Role;

  @Index('ix_mandates_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_mandates_unit' })
  unit?: never;

  @Index('ix_mandates_cluster')
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_mandates_cluster' })
  cluster?: never;

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
