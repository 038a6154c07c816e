import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file attached as evidence (minh chứng) to a score entry. The bytes live behind the storage
 * interface (default: `stored_blobs` in PostgreSQL, content-addressed by SHA-256).
 */
@Entity({ name: 'evidence_files' })
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_evidence_files' })
  id: string;

  @Index('ix_evidence_files_entry')
  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  /** Foreign key only: score entries belong to scoring; this module keeps the id (issue 14). */
  @ManyToOne('ScoreEntry', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_evidence_files_entry' })
  entry?: never;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** SHA-256 (hex) of the bytes, computed by the server on upload; also the storage key. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
