import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from './unit.entity';

/** An emulation cluster (cụm thi đua): peer units that compete, pledge and vote together. */
@Entity({ name: 'clusters' })
export class Cluster {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_clusters' })
  id: string;

  @Index('uq_clusters_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The body the cluster reports to, e.g. the national alliance. */
  @Index('ix_clusters_parent_unit')
  @Column({ name: 'parent_unit_id', type: 'uuid', nullable: true })
  parentUnitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_unit_id', foreignKeyConstraintName: 'fk_clusters_parent_unit' })
  parentUnit?: Unit;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
