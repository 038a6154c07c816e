import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const UNIT_KINDS = ['provincial_alliance', 'national_alliance', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * An organisation (đơn vị): a member unit of a cluster such as "Liên minh Hợp tác xã tỉnh Sơn La",
 * or a body above clusters such as the national alliance (Liên minh HTX Việt Nam).
 */
@Entity({ name: 'units' })
@Check('ck_units_kind', `"kind" IN ('provincial_alliance', 'national_alliance', 'other')`)
export class Unit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_units' })
  id: string;

  @Index('uq_units_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'short_name', type: 'text', nullable: true })
  shortName: string | null;

  @Column({ type: 'text', nullable: true })
  province: string | null;

  @Column({ type: 'text', default: 'provincial_alliance' })
  kind: UnitKind;

  /**
   * Led by a woman, or with at least 70% women: a tie-break preference of Decree 152/2025 Art. 4(6).
   * Declared by the secretariat; false when unknown.
   */
  @Column({ name: 'women_led', type: 'boolean', default: false })
  womenLed: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
