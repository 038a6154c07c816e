import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ScoreEntry } from './score-entry.entity';

/** The history of a score entry: who changed which field, when, from what to what, and why. Append-only. */
@Entity({ name: 'score_changes' })
@Check(
  'ck_score_changes_field',
  `"field" IN ('self_score', 'self_note', 'cited_progress_reports', 'reviewed_score', 'review_comment', 'explanation', 'final_score', 'final_reason')`,
)
export class ScoreChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_score_changes' })
  id: string;

  @Index('ix_score_changes_entry')
  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @ManyToOne(() => ScoreEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_score_changes_entry' })
  entry?: ScoreEntry;

  @Column({ type: 'text' })
  field: string;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
