import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Unit } from '../registry/unit.entity';
import { User } from '../users/user.entity';
import { Poll } from './poll.entity';

/**
 * A member of a poll's counting board (ban kiểm phiếu): enters the paper counts and signs the
 * counting record. At least two, none of them a candidate's delegate (checked by the service).
 */
@Entity({ name: 'poll_counting_board_members' })
export class CountingBoardMember {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_board_members' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_counting_board_members_poll' })
  poll?: Poll;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_counting_board_members' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_poll_counting_board_members_user' })
  user?: User;

  /** The unit the member belongs to, when any (to refuse a candidate's delegate). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_poll_counting_board_members_unit' })
  unit?: Unit;

  @Column({ name: 'appointed_by', type: 'uuid' })
  appointedBy: string;

  @CreateDateColumn({ name: 'appointed_at', type: 'timestamptz' })
  appointedAt: Date;
}
