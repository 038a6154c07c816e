import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Cycle } from './cycle.entity';
import type { CyclePhase } from './cycle-phase';

/** One move of a cycle: an advance to the next phase, or a reopen of the current one (with a reason). */
@Entity({ name: 'cycle_transitions' })
@Check('ck_cycle_transitions_kind', `"kind" IN ('opened', 'advanced', 'reopened', 'deadline_changed')`)
export class CycleTransition {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cycle_transitions' })
  id: string;

  @Index('ix_cycle_transitions_cycle')
  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => Cycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_cycle_transitions_cycle' })
  cycle?: Cycle;

  @Column({ type: 'text' })
  kind: 'opened' | 'advanced' | 'reopened' | 'deadline_changed';

  @Column({ name: 'from_phase', type: 'text', nullable: true })
  fromPhase: CyclePhase | null;

  @Column({ name: 'to_phase', type: 'text' })
  toPhase: CyclePhase;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
