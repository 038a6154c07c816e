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
} from 'typeorm';

/**
 * A cluster's rotating flag (cờ luân lưu): one physical object, passed each year to the new
 * cluster-leader unit. Who answers for it is the chain of custody (`flag_custody_periods`);
 * flags are never deleted (trigger `trg_flags_no_delete`).
 */
@Entity({ name: 'flags' })
@Check('ck_flags_photo', `("photo_sha256" IS NULL) = ("photo_content_type" IS NULL)`)
export class Flag {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_flags' })
  id: string;

  /** One flag per cluster: a replacement flag is an incident of the same flag, not a new one. */
  @Index('uq_flags_cluster', { unique: true })
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_flags_cluster' })
  cluster?: never;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** SHA-256 of the photo's bytes, kept in the evidence storage (content-addressed). */
  @Column({ name: 'photo_sha256', type: 'text', nullable: true })
  photoSha256: string | null;

  @Column({ name: 'photo_content_type', type: 'text', nullable: true })
  photoContentType: string | null;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
