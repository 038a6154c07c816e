import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ScoreSheet } from './score-sheet.entity';

export type ScoreItemKind = 'criterion' | 'bonus' | 'penalty';

/**
 * One line of a sheet: a leaf criterion (or a bonus/penalty item) with the unit's self score and
 * evidence note, the reviewer's score and comment, the unit's explanation, and the final score the
 * secretariat fixes. Points are numeric(10,2): exact, strings in TypeScript. Every change is
 * also written to `score_changes` — nothing is overwritten silently.
 */
@Entity({ name: 'score_entries' })
@Index('uq_score_entries_sheet_item', ['sheetId', 'itemCode'], { unique: true })
@Check('ck_score_entries_kind', `"item_kind" IN ('criterion', 'bonus', 'penalty')`)
@Check(
  'ck_score_entries_non_negative',
  `COALESCE("self_score", 0) >= 0 AND COALESCE("reviewed_score", 0) >= 0 AND COALESCE("final_score", 0) >= 0`,
)
export class ScoreEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_score_entries' })
  id: string;

  @Column({ name: 'sheet_id', type: 'uuid' })
  sheetId: string;

  @ManyToOne(() => ScoreSheet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'fk_score_entries_sheet' })
  sheet?: ScoreSheet;

  /** The code of the leaf criterion or bonus/penalty item in the period's rules version. */
  @Column({ name: 'item_code', type: 'text' })
  itemCode: string;

  @Column({ name: 'item_kind', type: 'text' })
  itemKind: ScoreItemKind;

  @Column({ name: 'self_score', type: 'numeric', precision: 10, scale: 2, nullable: true })
  selfScore: string | null;

  /** The unit's evidence in words (files are in `evidence_files`). */
  @Column({ name: 'self_note', type: 'text', nullable: true })
  selfNote: string | null;

  /** Approved pledge progress reports of the unit and cycle, cited as evidence of the self score. */
  @Column({ name: 'cited_progress_report_ids', type: 'uuid', array: true, default: () => "'{}'" })
  citedProgressReportIds: string[];

  @Column({ name: 'reviewed_score', type: 'numeric', precision: 10, scale: 2, nullable: true })
  reviewedScore: string | null;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ name: 'final_score', type: 'numeric', precision: 10, scale: 2, nullable: true })
  finalScore: string | null;

  @Column({ name: 'final_reason', type: 'text', nullable: true })
  finalReason: string | null;

  @Column({ name: 'finalized_by', type: 'uuid', nullable: true })
  finalizedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
