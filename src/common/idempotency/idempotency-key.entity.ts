import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type IdempotencyKeyState = 'in_progress' | 'completed';

/**
 * One `Idempotency-Key` a person sent with a POST, kept 24 h: the request's fingerprint and, once
 * it finished, the answer a retry gets instead of a second execution (decision 028). The row is
 * inserted before the handler runs, so that two instances cannot both execute the same key.
 */
@Entity({ name: 'idempotency_keys' })
@Check('ck_idempotency_keys_state', `"state" IN ('in_progress', 'completed')`)
@Check('ck_idempotency_keys_key', `char_length("key") BETWEEN 1 AND 255`)
@Check(
  'ck_idempotency_keys_response',
  `("state" = 'completed') = ("response_status" IS NOT NULL) AND ("state" = 'in_progress') = ("locked_until" IS NOT NULL)`,
)
export class IdempotencyKey {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_keys' })
  userId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_keys' })
  key: string;

  /** Foreign key only: src/common knows no module, so the users table is named by its entity (issue 14). */
  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_idempotency_keys_user' })
  user?: never;

  /** SHA-256 (hex) of the method, the path with its query and the canonical JSON body. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'text' })
  state: IdempotencyKeyState;

  /** Which execution holds the key: completing or releasing it needs this token. */
  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  /** While in progress: after this instant a retry may run the request again (its first run died). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'response_status', type: 'smallint', nullable: true })
  responseStatus: number | null;

  /** The answer's headers a retry gets again (Content-Type, Location, ETag, Content-Location). */
  @Column({ name: 'response_headers', type: 'jsonb', nullable: true })
  responseHeaders: Record<string, string> | null;

  /** The answer's body as sent (JSON text), null for an empty body. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Index('ix_idempotency_keys_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
