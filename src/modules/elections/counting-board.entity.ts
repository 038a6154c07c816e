import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, Unique } from 'typeorm';
import { Poll } from './poll.entity';

/**
 * The counting board (ban kiểm phiếu) of a poll as the meeting decided it: the current proposal
 * (a new `proposalId` each time the chair proposes one) and, once more than the rules' share of
 * the units present raised a hand for it, its confirmation with the counts. The counts are written
 * by the trigger `trg_poll_counting_boards_guard` from the hands, never by the service, and a
 * confirmed board changes only by a new proposal, before counting starts. Decision 017.
 */
@Entity({ name: 'poll_counting_boards' })
@Unique('uq_poll_counting_boards_proposal', ['proposalId'])
@Check(
  'ck_poll_counting_boards_confirmation',
  `("confirmed_at" IS NULL) = ("present_units" IS NULL)
                    AND ("confirmed_at" IS NULL) = ("hands_for" IS NULL)
                    AND ("confirmed_at" IS NULL) = ("hands_against" IS NULL)
                    AND ("confirmed_at" IS NULL) = ("hands_abstain" IS NULL)`,
)
export class CountingBoard {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_boards' })
  pollId: string;

  @OneToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_counting_boards_poll' })
  poll?: Poll;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  /** Foreign key only: users belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'fk_poll_counting_boards_proposer' })
  proposer?: never;

  @Column({ name: 'proposed_at', type: 'timestamptz', default: () => 'now()' })
  proposedAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Units present at the meeting when the board was confirmed. */
  @Column({ name: 'present_units', type: 'integer', nullable: true })
  presentUnits: number | null;

  @Column({ name: 'hands_for', type: 'integer', nullable: true })
  handsFor: number | null;

  @Column({ name: 'hands_against', type: 'integer', nullable: true })
  handsAgainst: number | null;

  @Column({ name: 'hands_abstain', type: 'integer', nullable: true })
  handsAbstain: number | null;
}
