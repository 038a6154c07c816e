import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Poll } from './poll.entity';

export const HAND_VOTES = ['for', 'against', 'abstain'] as const;
export type HandVote = (typeof HAND_VOTES)[number];

/**
 * A hand raised at the meeting (biểu quyết giơ tay) on a proposed counting board: one per present
 * unit and proposal, by the person sitting for the unit (trigger `trg_poll_counting_board_hands_guard`).
 * Append-only; the hands of a replaced proposal stay as its history.
 */
@Entity({ name: 'poll_counting_board_hands' })
@Check('ck_poll_counting_board_hands_vote', `"vote" IN ('for', 'against', 'abstain')`)
@Index('uq_poll_counting_board_hands_delegate', ['proposalId', 'delegateId'], { unique: true })
export class CountingBoardHand {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_board_hands' })
  proposalId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_board_hands' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_poll_counting_board_hands_unit' })
  unit?: never;

  @Index('ix_poll_counting_board_hands_poll')
  @Column({ name: 'poll_id', type: 'uuid' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_counting_board_hands_poll' })
  poll?: Poll;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId: string;

  /** Foreign key only: users belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id', foreignKeyConstraintName: 'fk_poll_counting_board_hands_delegate' })
  delegate?: never;

  @Column({ name: 'vote', type: 'text' })
  vote: HandVote;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;
}
