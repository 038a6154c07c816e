import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Poll } from './poll.entity';

/**
 * "What was voted" (lá phiếu): one electronic ballot in the box, known only by its receipt
 * tracker = sha256('ballot|' + poll id + '|' + idempotency key). No voter, no time, no sequence:
 * the only column it shares with the participation is `poll_id` (decision 010). `choice`:
 * an option position, -1 for a blank/abstention, or for award proposals the bit mask of approved
 * positions — so the tally is one `GROUP BY choice`. Never updated (trigger `trg_ballots_sealed`).
 */
@Entity({ name: 'ballots' })
@Check('ck_ballots_tracker', `octet_length("tracker") = 32`)
@Check('ck_ballots_choice', `"choice" >= -1`)
export class Ballot {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_ballots' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_ballots_poll' })
  poll?: Poll;

  @PrimaryColumn({ type: 'bytea', primaryKeyConstraintName: 'pk_ballots' })
  tracker: Buffer;

  @Column({ type: 'integer' })
  choice: number;
}
