import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rate-limit counter shared by every API instance (login throttling lives in PostgreSQL). */
@Entity({ name: 'throttle_buckets' })
export class ThrottleBucket {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_throttle_buckets' })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
