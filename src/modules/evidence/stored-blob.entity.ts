import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** File bytes kept in PostgreSQL by the default storage, so the embedded mode needs nothing else. */
@Entity({ name: 'stored_blobs' })
export class StoredBlob {
  /** SHA-256 (hex) of `bytes`: identical files are stored once. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_stored_blobs' })
  sha256: string;

  @Column({ type: 'bytea' })
  bytes: Buffer;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
