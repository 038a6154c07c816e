import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Poll } from './poll.entity';

/**
 * One figure of the paper count (kết quả kiểm phiếu giấy) as one counting-board member entered
 * it. Each member enters every line on their own (double entry); a correction is a new row that
 * supersedes the old one, with a reason, so history is kept. Append-only
 * (trigger `trg_poll_paper_entries_append_only`). `line`: `option:<position>` (votes, or
 * approvals for award proposals), `blank`, `invalid`, `ballots_issued`, `ballots_received`.
 */
@Entity({ name: 'poll_paper_entries' })
@Check('ck_poll_paper_entries_line', `"line" ~ '^(option:[0-9]{1,2}|blank|invalid|ballots_issued|ballots_received)$'`)
@Check('ck_poll_paper_entries_count', `"count" >= 0`)
@Check('ck_poll_paper_entries_reason', `"supersedes_id" IS NULL OR length(btrim("reason")) > 0`)
// A member's first figure of a line is entered once; later ones supersede, each at most once.
@Index('uq_poll_paper_entries_first', ['pollId', 'enteredBy', 'line'], {
  unique: true,
  where: '"supersedes_id" IS NULL',
})
@Index('uq_poll_paper_entries_supersedes', ['supersedesId'], { unique: true, where: '"supersedes_id" IS NOT NULL' })
export class PaperCountEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_poll_paper_entries' })
  id: string;

  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_paper_entries_poll' })
  poll?: Poll;

  @Column({ name: 'entered_by', type: 'uuid' })
  enteredBy: string;

  /** Foreign key only: users belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entered_by', foreignKeyConstraintName: 'fk_poll_paper_entries_user' })
  enteredByUser?: never;

  @Column({ type: 'text' })
  line: string;

  @Column({ type: 'integer' })
  count: number;

  /** The entry this one corrects (same member, same line). */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => PaperCountEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'fk_poll_paper_entries_supersedes' })
  supersedes?: PaperCountEntry;

  /** Why the figure was corrected (required on a correction). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;
}
