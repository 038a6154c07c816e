import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Poll } from './poll.entity';

/**
 * A member of a poll's counting board (ban kiểm phiếu) as currently proposed: enters the paper
 * counts and signs the counting record once the meeting has confirmed the board. At least two, each
 * sitting for a distinct member unit present at the meeting and not on the ballot (trigger
 * `trg_poll_counting_board_members_guard`; the unit may be null only on boards from before it).
 */
@Entity({ name: 'poll_counting_board_members' })
@Index('uq_poll_counting_board_members_unit', ['pollId', 'unitId'], { unique: true })
export class CountingBoardMember {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_board_members' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_counting_board_members_poll' })
  poll?: Poll;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_board_members' })
  userId: string;

  /** Foreign key only: users belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_poll_counting_board_members_user' })
  user?: never;

  /** The unit the member sits for at the meeting (one member per unit). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_poll_counting_board_members_unit' })
  unit?: never;

  @Column({ name: 'appointed_by', type: 'uuid' })
  appointedBy: string;

  @CreateDateColumn({ name: 'appointed_at', type: 'timestamptz' })
  appointedAt: Date;
}
