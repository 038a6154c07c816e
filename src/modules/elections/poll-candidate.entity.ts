import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Poll } from './poll.entity';

/**
 * A unit proposed on a poll (ứng cử viên): eligible ones carry the option `position` a ballot's
 * choice refers to; refused ones carry the reason instead, so the list shows who was refused and
 * why. Frozen once the poll leaves draft (trigger `trg_poll_candidates_frozen`).
 */
@Entity({ name: 'poll_candidates' })
@Index('uq_poll_candidates_position', ['pollId', 'position'], { unique: true })
@Check('ck_poll_candidates_refusal', `("position" IS NULL) = ("refusal_code" IS NOT NULL)`)
// Award ballots encode approvals as a bit mask of positions in an integer (see docs/elections.md).
@Check('ck_poll_candidates_position', `"position" IS NULL OR "position" BETWEEN 0 AND 30`)
export class PollCandidate {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_candidates' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_candidates_poll' })
  poll?: Poll;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_candidates' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_poll_candidates_unit' })
  unit?: never;

  /** The option index on the ballot (0-based), null when refused. */
  @Column({ type: 'smallint', nullable: true })
  position: number | null;

  /** Why the rules refuse the unit: `outgoing_leader`, `not_next_in_rotation`, `pledge_not_sealed`… */
  @Column({ name: 'refusal_code', type: 'text', nullable: true })
  refusalCode: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  /** Snapshots for the tie-breaks: the unit's final score in the adopted ranking, and women_led. */
  @Column({ name: 'final_score', type: 'numeric', precision: 10, scale: 2, nullable: true })
  finalScore: string | null;

  @Column({ name: 'women_led', type: 'boolean', default: false })
  womenLed: boolean;
}
