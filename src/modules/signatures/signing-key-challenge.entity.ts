import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time text the server asks a person to sign with a new key, to prove they hold its private
 * half (proof of possession). Spent when a key is registered with it; useless after `expiresAt`.
 */
@Entity({ name: 'signing_key_challenges' })
export class SigningKeyChallenge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_signing_key_challenges' })
  id: string;

  @Index('ix_signing_key_challenges_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** Foreign key only: people belong to users; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_signing_key_challenges_user' })
  user?: never;

  /** The exact text to sign (UTF-8), with a random nonce in it. */
  @Column({ type: 'text' })
  challenge: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
