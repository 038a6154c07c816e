import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Unit } from '../registry/unit.entity';
import { User } from '../users/user.entity';
import { Poll } from './poll.entity';

/**
 * One line of a poll's voter roll (danh sách cử tri): a present member unit, the delegate who
 * casts its vote and its weight. Built from the attendance register when the poll opens and frozen
 * from then on (trigger `trg_poll_voters_frozen`).
 */
@Entity({ name: 'poll_voters' })
@Index('uq_poll_voters_delegate', ['pollId', 'delegateId'], { unique: true })
@Check('ck_poll_voters_weight', `"weight" BETWEEN 1 AND 100`)
export class PollVoter {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_voters' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'fk_poll_voters_poll' })
  poll?: Poll;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_voters' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_poll_voters_unit' })
  unit?: Unit;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id', foreignKeyConstraintName: 'fk_poll_voters_delegate' })
  delegate?: User;

  /** Ballots this voter's one cast puts in the box (1 unless the rules give weights). */
  @Column({ type: 'smallint', default: 1 })
  weight: number;
}
