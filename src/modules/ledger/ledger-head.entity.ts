import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The single row that points at the newest ledger entry. Appenders lock it (`FOR UPDATE`), which
 * orders concurrent appends without gaps or forks in the chain.
 */
@Entity({ name: 'ledger_head' })
@Check('ck_ledger_head_single_row', `"id" = 1`)
export class LedgerHead {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_ledger_head' })
  id: number;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'text' })
  hash: string;
}
