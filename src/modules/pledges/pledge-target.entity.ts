import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitPledge } from './unit-pledge.entity';

/**
 * A target a unit commits to (chỉ tiêu giao ước), e.g. "new cooperatives founded: 20 HTX".
 * Values are exact decimals (numeric), carried as strings.
 */
@Entity({ name: 'pledge_targets' })
@Index('uq_pledge_targets_position', ['unitPledgeId', 'position'], { unique: true })
@Check('ck_pledge_targets_position', `"position" >= 1`)
export class PledgeTarget {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledge_targets' })
  id: string;

  @Column({ name: 'unit_pledge_id', type: 'uuid' })
  unitPledgeId: string;

  @ManyToOne(() => UnitPledge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_pledge_id', foreignKeyConstraintName: 'fk_pledge_targets_unit_pledge' })
  unitPledge?: UnitPledge;

  /** 1-based order in the unit's list. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  indicator: string;

  @Column({ name: 'unit_of_measure', type: 'text' })
  unitOfMeasure: string;

  @Column({ name: 'target_value', type: 'numeric', precision: 20, scale: 2 })
  targetValue: string;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  baseline: string | null;
}
