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

export const PLEDGE_STATUSES = ['open', 'sealed'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/**
 * The emulation pledge of a cycle (giao ước thi đua), one version at a time: the cluster's shared
 * commitments, signed unit by unit (UnitPledge) and sealed by a countersignature. The newest
 * version is the current one; an amendment is a new version and older ones stay readable.
 * A sealed version is read-only in the database (trigger `trg_pledges_sealed`).
 */
@Entity({ name: 'pledges' })
@Index('uq_pledges_cycle_number', ['cycleId', 'number'], { unique: true })
@Check('ck_pledges_status', `"status" IN ('open', 'sealed')`)
@Check('ck_pledges_seal', `("status" = 'sealed') = ("seal_document_id" IS NOT NULL)`)
export class Pledge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledges' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** Foreign key only: cycles belong to the cycles module; this module keeps the id (issue 14). */
  @ManyToOne('Cycle', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_pledges_cycle' })
  cycle?: never;

  @Index('ix_pledges_cluster')
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_pledges_cluster' })
  cluster?: never;

  /** 1 for the first pledge of the cycle, +1 for each amendment. */
  @Column({ type: 'integer' })
  number: number;

  /** The shared commitments, in Vietnamese, set by the secretariat. */
  @Column({ name: 'shared_text', type: 'text' })
  sharedText: string;

  /** The rules version the cycle had pinned when this version was created. */
  @Column({ name: 'rules_version_id', type: 'uuid' })
  rulesVersionId: string;

  /** Foreign key only: rules versions belong to the rules module; this module keeps the id (issue 14). */
  @ManyToOne('RulesVersion', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rules_version_id', foreignKeyConstraintName: 'fk_pledges_rules_version' })
  rulesVersion?: never;

  @Column({ type: 'text', default: 'open' })
  status: PledgeStatus;

  /** Why this version amends the previous one (null for version 1). */
  @Column({ name: 'amendment_reason', type: 'text', nullable: true })
  amendmentReason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  /** The seal: the signed document listing every unit's signed pledge, and its countersignature. */
  @Column({ name: 'seal_document_id', type: 'uuid', nullable: true })
  sealDocumentId: string | null;

  @Column({ name: 'sealed_at', type: 'timestamptz', nullable: true })
  sealedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic version of the row (not the pledge's `number`): grows with every change. */
  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
