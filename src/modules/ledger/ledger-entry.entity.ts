import { Column, Entity, Index, OneToOne, PrimaryColumn } from 'typeorm';
import { LedgerEntryScope } from './ledger-entry-scope.entity';

/**
 * One event of the audit ledger (sổ cái kiểm toán): append-only, hash-chained. The database
 * refuses UPDATE, DELETE and TRUNCATE on this table (trigger `trg_ledger_entries_append_only`).
 */
@Entity({ name: 'ledger_entries' })
@Index('ix_ledger_entries_subject', ['subjectType', 'subjectId'])
export class LedgerEntry {
  /** Position in the chain, 1-based, without gaps. */
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_ledger_entries' })
  seq: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** SHA-256 (hex) of the canonical (RFC 8785) encoding of `payload`. */
  @Column({ name: 'payload_digest', type: 'text' })
  payloadDigest: string;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Index('uq_ledger_entries_hash', { unique: true })
  @Column({ type: 'text' })
  hash: string;

  /** Whom the entry concerns, for the read model (written by a trigger, outside the hash). */
  @OneToOne(() => LedgerEntryScope, (scope) => scope.entry)
  scope?: LedgerEntryScope;
}
