import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const SIGNING_ALGORITHMS = ['ed25519', 'ecdsa-p256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/**
 * A public key a person registered to sign with (khóa ký). The private key never reaches the
 * server; registration needs a proof of possession. Keys are never deleted: revocation only sets
 * `revokedAt` (trigger `trg_signing_keys_revocation_only`), so signatures made before it stay valid.
 */
@Entity({ name: 'signing_keys' })
@Check('ck_signing_keys_algorithm', `"algorithm" IN ('ed25519', 'ecdsa-p256')`)
@Check('ck_signing_keys_revocation', `("revoked_at" IS NULL) = ("revocation_reason" IS NULL)`)
export class SigningKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_signing_keys' })
  id: string;

  @Index('ix_signing_keys_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** Foreign key only: people belong to users; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_signing_keys_user' })
  user?: never;

  @Column({ type: 'text' })
  algorithm: SigningAlgorithm;

  /** The key as SPKI PEM, whatever form (PEM or JWK) it was registered in. */
  @Column({ name: 'public_key_pem', type: 'text' })
  publicKeyPem: string;

  /** SHA-256 (hex) of the key's SPKI DER encoding: the same key always has the same fingerprint. */
  @Index('uq_signing_keys_fingerprint', { unique: true })
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text', nullable: true })
  label: string | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;
}
