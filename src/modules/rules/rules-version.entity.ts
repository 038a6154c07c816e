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
import type { RulesContent } from './rules-content';

export const RULES_VERSION_STATUSES = ['draft', 'proposed', 'adopted'] as const;
export type RulesVersionStatus = (typeof RULES_VERSION_STATUSES)[number];

/**
 * A version of a cluster's reward rules (quy chế khen thưởng cụm): the criteria tree, award
 * categories, voting rules and leader rotation rule. Adopted versions are immutable — the
 * database refuses any change (trigger `trg_rules_versions_immutable`); an amendment is a new
 * version that names the one it replaces.
 */
@Entity({ name: 'rules_versions' })
@Index('uq_rules_versions_cluster_number', ['clusterId', 'number'], { unique: true })
@Check('ck_rules_versions_status', `"status" IN ('draft', 'proposed', 'adopted')`)
export class RulesVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rules_versions' })
  id: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_rules_versions_cluster' })
  cluster?: never;

  /** 1, 2, 3… within the cluster. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'draft' })
  status: RulesVersionStatus;

  /** The adopted version this one amends, if any. */
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true })
  replacesId: string | null;

  @ManyToOne(() => RulesVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaces_id', foreignKeyConstraintName: 'fk_rules_versions_replaces' })
  replaces?: RulesVersion;

  @Column({ type: 'jsonb' })
  content: RulesContent;

  /** SHA-256 (hex) of the RFC 8785 encoding of `content`, fixed at adoption for later citation. */
  @Column({ name: 'content_digest', type: 'text' })
  contentDigest: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true })
  adoptedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
