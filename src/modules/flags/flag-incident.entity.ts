import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Flag } from './flag.entity';
import { FlagCustodyPeriod } from './flag-custody-period.entity';

export const INCIDENT_KINDS = ['lost', 'damaged', 'replaced'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_STATUSES = ['open', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Something that happened to the flag (sự cố: lost, damaged, replaced), reported by the head of
 * the unit that held it and resolved by the secretariat. It belongs to the custody period it
 * happened in and stays in the chain; resolved incidents are read-only (`trg_flag_incidents_resolved`).
 */
@Entity({ name: 'flag_incidents' })
@Check('ck_flag_incidents_kind', `"kind" IN ('lost', 'damaged', 'replaced')`)
@Check('ck_flag_incidents_status', `"status" IN ('open', 'resolved')`)
@Check(
  'ck_flag_incidents_resolution',
  `("status" = 'resolved') = ("resolution" IS NOT NULL AND "resolved_by" IS NOT NULL AND "resolved_at" IS NOT NULL)`,
)
export class FlagIncident {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_flag_incidents' })
  id: string;

  @Index('ix_flag_incidents_flag')
  @Column({ name: 'flag_id', type: 'uuid' })
  flagId: string;

  @ManyToOne(() => Flag, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'flag_id', foreignKeyConstraintName: 'fk_flag_incidents_flag' })
  flag?: Flag;

  /** The custody period the incident happened in (the custodian's). */
  @Index('ix_flag_incidents_period')
  @Column({ name: 'custody_period_id', type: 'uuid' })
  custodyPeriodId: string;

  @ManyToOne(() => FlagCustodyPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'custody_period_id', foreignKeyConstraintName: 'fk_flag_incidents_period' })
  custodyPeriod?: FlagCustodyPeriod;

  @Column({ type: 'text' })
  kind: IncidentKind;

  @Column({ type: 'text' })
  description: string;

  /** The day it happened, when the reporter knows it (Asia/Ho_Chi_Minh). */
  @Column({ name: 'occurred_on', type: 'date', nullable: true })
  occurredOn: string | null;

  @Column({ name: 'reporting_unit_id', type: 'uuid' })
  reportingUnitId: string;

  /** Foreign key only: units belong to the registry; this module keeps the id (issue 14). */
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporting_unit_id', foreignKeyConstraintName: 'fk_flag_incidents_unit' })
  reportingUnit?: never;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ type: 'text', default: 'open' })
  status: IncidentStatus;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
