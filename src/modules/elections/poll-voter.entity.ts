import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
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

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_poll_voters_unit' })
  unit?: never;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId: string;

  /** Foreign key only: users belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id', foreignKeyConstraintName: 'fk_poll_voters_delegate' })
  delegate?: never;

  /** Ballots this voter's one cast puts in the box (1 unless the rules give weights). */
  @Column({ type: 'smallint', default: 1 })
  weight: number;
}
