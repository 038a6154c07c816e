import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Flag } from './flag.entity';
import { FlagHandover } from './flag-handover.entity';

export const CUSTODY_STATES = ['held', 'in_transit'] as const;
export type CustodyState = (typeof CUSTODY_STATES)[number];
/** How a period began: the flag registered, released by its custodian, received, or a handover cancelled. */
export const CUSTODY_CAUSES = ['registered', 'released', 'received', 'handover_cancelled'] as const;
export type CustodyCause = (typeof CUSTODY_CAUSES)[number];

/**
 * One link of a flag's chain of custody (quá trình quản lý cờ): a unit held it, or it was in
 * transit during a handover, from `startedAt` to `endedAt` (null: now). The database keeps the
 * chain whole: one open period per flag (`uq_flag_custody_periods_open`, and a deferred check that
 * there is always one), no overlap (trigger `trg_flag_custody_periods_no_overlap`), and closed
 * periods read-only (`trg_flag_custody_periods_guard`: an open one may only be closed).
 */
@Entity({ name: 'flag_custody_periods' })
@Index('uq_flag_custody_periods_open', ['flagId'], { unique: true, where: `"ended_at" IS NULL` })
@Index('uq_flag_custody_periods_position', ['flagId', 'position'], { unique: true })
@Check('ck_flag_custody_periods_state', `"state" IN ('held', 'in_transit')`)
@Check('ck_flag_custody_periods_cause', `"cause" IN ('registered', 'released', 'received', 'handover_cancelled')`)
@Check('ck_flag_custody_periods_custodian', `("state" = 'held') = ("custodian_unit_id" IS NOT NULL)`)
@Check('ck_flag_custody_periods_transit', `"state" = 'held' OR "handover_id" IS NOT NULL`)
@Check('ck_flag_custody_periods_range', `"ended_at" IS NULL OR "ended_at" >= "started_at"`)
@Check('ck_flag_custody_periods_position', `"position" >= 1`)
export class FlagCustodyPeriod {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_flag_custody_periods' })
  id: string;

  @Column({ name: 'flag_id', type: 'uuid' })
  flagId: string;

  @ManyToOne(() => Flag, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'flag_id', foreignKeyConstraintName: 'fk_flag_custody_periods_flag' })
  flag?: Flag;

  /** 1 for the first period of the flag, then 2, 3…: the order of the chain. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  state: CustodyState;

  /** The unit that answers for the flag; null while it is in transit. */
  @Index('ix_flag_custody_periods_custodian')
  @Column({ name: 'custodian_unit_id', type: 'uuid', nullable: true })
  custodianUnitId: string | null;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'custodian_unit_id', foreignKeyConstraintName: 'fk_flag_custody_periods_custodian' })
  custodianUnit?: never;

  @Column({ type: 'text' })
  cause: CustodyCause;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** The handover that began this period (released, received or cancelled). */
  @Index('ix_flag_custody_periods_handover')
  @Column({ name: 'handover_id', type: 'uuid', nullable: true })
  handoverId: string | null;

  @ManyToOne(() => FlagHandover, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handover_id', foreignKeyConstraintName: 'fk_flag_custody_periods_handover' })
  handover?: FlagHandover | null;

  /** The leadership term the custodian holds the flag under (a certified election's result). */
  @Column({ name: 'leadership_id', type: 'uuid', nullable: true })
  leadershipId: string | null;

  /** Foreign key only: leaderships belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('ClusterLeadership', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadership_id', foreignKeyConstraintName: 'fk_flag_custody_periods_leadership' })
  leadership?: never;

  /** The certified election poll of that leadership, when it was elected. */
  @Column({ name: 'election_poll_id', type: 'uuid', nullable: true })
  electionPollId: string | null;

  /** The signed handover record whose signature began this period. */
  @Column({ name: 'signed_document_id', type: 'uuid', nullable: true })
  signedDocumentId: string | null;

  /** Foreign key only: signed documents belong to signatures; this module keeps the id (issue 14). */
  @ManyToOne('SignedDocument', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_document_id', foreignKeyConstraintName: 'fk_flag_custody_periods_document' })
  signedDocument?: never;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
