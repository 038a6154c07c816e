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
import { Flag } from './flag.entity';

export const HANDOVER_STATUSES = ['opened', 'released', 'completed', 'cancelled'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/**
 * The handover of the rotating flag (trao cờ luân lưu) from its custodian to the leader unit a
 * certified election chose for the next term: opened by the secretariat, released by the outgoing
 * head's signature, completed by the incoming head's signature over the same record. Completed
 * and cancelled handovers are read-only (trigger `trg_flag_handovers_final`); none is deleted.
 */
@Entity({ name: 'flag_handovers' })
// One handover under way per flag, and one per cycle that is not cancelled.
@Index('uq_flag_handovers_open', ['flagId'], { unique: true, where: `"status" IN ('opened', 'released')` })
@Index('uq_flag_handovers_cycle', ['cycleId'], { unique: true, where: `"status" <> 'cancelled'` })
@Check('ck_flag_handovers_status', `"status" IN ('opened', 'released', 'completed', 'cancelled')`)
@Check('ck_flag_handovers_units', `"from_unit_id" <> "to_unit_id"`)
@Check(
  'ck_flag_handovers_released',
  `"status" NOT IN ('released', 'completed') OR ("release_signature_id" IS NOT NULL AND "signed_document_id" IS NOT NULL AND "released_at" IS NOT NULL)`,
)
@Check(
  'ck_flag_handovers_completed',
  `("status" = 'completed') = ("receipt_signature_id" IS NOT NULL AND "completed_at" IS NOT NULL)`,
)
@Check(
  'ck_flag_handovers_cancelled',
  `("status" = 'cancelled') = ("cancel_reason" IS NOT NULL AND "cancelled_at" IS NOT NULL AND "cancelled_by" IS NOT NULL)`,
)
export class FlagHandover {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_flag_handovers' })
  id: string;

  @Index('ix_flag_handovers_flag')
  @Column({ name: 'flag_id', type: 'uuid' })
  flagId: string;

  @ManyToOne(() => Flag, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'flag_id', foreignKeyConstraintName: 'fk_flag_handovers_flag' })
  flag?: Flag;

  /** The cycle whose closing this handover is a condition of. */
  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** Foreign key only: cycles belong to the cycles module; this module keeps the id (issue 14). */
  @ManyToOne('Cycle', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_flag_handovers_cycle' })
  cycle?: never;

  @Column({ name: 'from_unit_id', type: 'uuid' })
  fromUnitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_unit_id', foreignKeyConstraintName: 'fk_flag_handovers_from_unit' })
  fromUnit?: never;

  @Column({ name: 'to_unit_id', type: 'uuid' })
  toUnitId: string;

  /** Foreign key only, as `fromUnit`. */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_unit_id', foreignKeyConstraintName: 'fk_flag_handovers_to_unit' })
  toUnit?: never;

  /** The next term's leadership (role leader, basis election) the handover executes. */
  @Column({ name: 'leadership_id', type: 'uuid' })
  leadershipId: string;

  /** Foreign key only: leaderships belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('ClusterLeadership', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadership_id', foreignKeyConstraintName: 'fk_flag_handovers_leadership' })
  leadership?: never;

  @Column({ name: 'election_poll_id', type: 'uuid' })
  electionPollId: string;

  @Column({ name: 'term_year', type: 'integer' })
  termYear: number;

  /** The day of the ceremony, a calendar day in Asia/Ho_Chi_Minh. */
  @Column({ name: 'handover_date', type: 'date' })
  handoverDate: string;

  @Column({ type: 'text' })
  place: string;

  /** The names of the witnesses, as they appear on the record. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  witnesses: string[];

  @Column({ type: 'text', default: 'opened' })
  status: HandoverStatus;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  /** The signed handover record (the same document both heads sign), from the release on. */
  @Column({ name: 'signed_document_id', type: 'uuid', nullable: true })
  signedDocumentId: string | null;

  /** Foreign key only: signed documents belong to signatures; this module keeps the id (issue 14). */
  @ManyToOne('SignedDocument', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_document_id', foreignKeyConstraintName: 'fk_flag_handovers_document' })
  signedDocument?: never;

  @Column({ name: 'release_signature_id', type: 'uuid', nullable: true })
  releaseSignatureId: string | null;

  /** Foreign key only: signatures belong to the signatures module; this module keeps the id (issue 14). */
  @ManyToOne('DocumentSignature', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_signature_id', foreignKeyConstraintName: 'fk_flag_handovers_release_signature' })
  releaseSignature?: never;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'receipt_signature_id', type: 'uuid', nullable: true })
  receiptSignatureId: string | null;

  /** Foreign key only, as `releaseSignature`. */
  @ManyToOne('DocumentSignature', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receipt_signature_id', foreignKeyConstraintName: 'fk_flag_handovers_receipt_signature' })
  receiptSignature?: never;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
