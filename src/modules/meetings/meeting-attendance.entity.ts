import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Meeting } from './meeting.entity';

/**
 * One stay of a delegate in the attendance register (sổ điểm danh): checked in for a unit — by
 * themselves or recorded by the secretariat — and possibly checked out (withdrawal). A return is a
 * new row, so the register keeps every arrival and departure. A unit and a person are present at
 * most once at a time (`uq_meeting_attendances_unit_present`, `uq_meeting_attendances_delegate_present`).
 */
@Entity({ name: 'meeting_attendances' })
@Index('uq_meeting_attendances_unit_present', ['meetingId', 'unitId'], {
  unique: true,
  where: '"checked_out_at" IS NULL',
})
@Index('uq_meeting_attendances_delegate_present', ['meetingId', 'delegateId'], {
  unique: true,
  where: '"checked_out_at" IS NULL',
})
@Check('ck_meeting_attendances_check_out', `("checked_out_at" IS NULL) = ("checked_out_by" IS NULL)`)
@Check('ck_meeting_attendances_order', `"checked_out_at" IS NULL OR "checked_out_at" >= "checked_in_at"`)
export class MeetingAttendance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meeting_attendances' })
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_attendances_meeting' })
  meeting?: Meeting;

  @Index('ix_meeting_attendances_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_meeting_attendances_unit' })
  unit?: never;

  /** The person who sits for the unit (its delegate). */
  @Index('ix_meeting_attendances_delegate')
  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId: string;

  /** Foreign key only: people belong to the users module; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id', foreignKeyConstraintName: 'fk_meeting_attendances_delegate' })
  delegate?: never;

  @Column({ name: 'checked_in_at', type: 'timestamptz', default: () => 'now()' })
  checkedInAt: Date;

  /** Who wrote the arrival: the delegate themselves or a secretariat member. */
  @Column({ name: 'checked_in_by', type: 'uuid' })
  checkedInBy: string;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'checked_out_by', type: 'uuid', nullable: true })
  checkedOutBy: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
