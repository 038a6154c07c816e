import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { LedgerEntry } from './ledger-entry.entity';

/**
 * Whom a ledger entry concerns: the cluster and/or unit of its subject, written by the database
 * (trigger `trg_ledger_entries_record_scope`) when the entry is appended. Not part of the hash:
 * it decides who may read the entry, not what the entry says.
 */
@Entity({ name: 'ledger_entry_scopes' })
export class LedgerEntryScope {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_ledger_entry_scopes' })
  seq: string;

  // No foreign key (see the migration): the append-only trigger, not a constraint, guards the chain.
  @OneToOne(() => LedgerEntry, (entry) => entry.scope, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'seq' })
  entry?: LedgerEntry;

  @Index('ix_ledger_entry_scopes_cluster')
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Index('ix_ledger_entry_scopes_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;
}
