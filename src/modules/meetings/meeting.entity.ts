import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const MEETING_STATUSES = ['scheduled', 'in_session', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** One item of a meeting's agenda, in the order the meeting takes them. */
export interface AgendaItem {
  title: string;
  note?: string;
}

/**
 * A meeting of a cluster for a cycle (hội nghị giao ban cụm): where delegates sign the attendance
 * register and the polls of the year are held. Created and edited by the secretariat; closed, the
 * register no longer changes.
 */
@Entity({ name: 'meetings' })
@Check('ck_meetings_status', `"status" IN ('scheduled', 'in_session', 'closed')`)
export class Meeting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meetings' })
  id: string;

  @Index('ix_meetings_cluster')
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  /** Foreign key only: clusters belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Cluster', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id', foreignKeyConstraintName: 'fk_meetings_cluster' })
  cluster?: never;

  @Index('ix_meetings_cycle')
  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** Foreign key only: cycles belong to the cycles module; this module keeps the id (issue 14). */
  @ManyToOne('Cycle', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_meetings_cycle' })
  cycle?: never;

  @Column({ type: 'text' })
  title: string;

  /** The calendar day of the meeting ('YYYY-MM-DD'). */
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'text' })
  place: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: AgendaItem[];

  @Column({ type: 'text', default: 'scheduled' })
  status: MeetingStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
