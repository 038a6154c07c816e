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
import { Pledge } from './pledge.entity';

export const UNIT_PLEDGE_STATUSES = ['draft', 'submitted', 'approved', 'signed'] as const;
export type UnitPledgeStatus = (typeof UNIT_PLEDGE_STATUSES)[number];

/**
 * One member unit's part of a pledge version: its targets (PledgeTarget), drafted by its officer,
 * approved by its head through the approval workflow, then signed by the head. Signed, the row
 * is read-only (trigger `trg_unit_pledges_signed`); its targets are locked from submission on
 * (trigger `trg_pledge_targets_locked`).
 */
@Entity({ name: 'unit_pledges' })
@Index('uq_unit_pledges_pledge_unit', ['pledgeId', 'unitId'], { unique: true })
@Check('ck_unit_pledges_status', `"status" IN ('draft', 'submitted', 'approved', 'signed')`)
@Check('ck_unit_pledges_signed', `("status" = 'signed') = ("signed_document_id" IS NOT NULL)`)
export class UnitPledge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_unit_pledges' })
  id: string;

  @Column({ name: 'pledge_id', type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'fk_unit_pledges_pledge' })
  pledge?: Pledge;

  @Index('ix_unit_pledges_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_unit_pledges_unit' })
  unit?: never;

  @Column({ type: 'text', default: 'draft' })
  status: UnitPledgeStatus;

  @Column({ name: 'drafted_by', type: 'uuid' })
  draftedBy: string;

  /** The signed document (kind `unit_pledge`) once the head has signed. */
  @Column({ name: 'signed_document_id', type: 'uuid', nullable: true })
  signedDocumentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
