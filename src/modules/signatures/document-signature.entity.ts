import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SignedDocument } from './signed-document.entity';
import { SigningKey } from './signing-key.entity';

/**
 * One person's signature (chữ ký) over a signed document, in a stated capacity, with the mandate
 * (or the delegation) that gave them that capacity at `signedAt`, and the ledger entry that
 * recorded it. Append-only (trigger `trg_document_signatures_append_only`).
 */
@Entity({ name: 'document_signatures' })
@Index('uq_document_signatures_signer', ['documentId', 'signerId'], { unique: true })
export class DocumentSignature {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_document_signatures' })
  id: string;

  @Index('ix_document_signatures_document')
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne(() => SignedDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_signatures_document' })
  document?: SignedDocument;

  @Column({ name: 'signer_id', type: 'uuid' })
  signerId: string;

  /** Foreign key only: people belong to users; this module keeps the id (issue 14). */
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signer_id', foreignKeyConstraintName: 'fk_document_signatures_signer' })
  signer?: never;

  @Index('ix_document_signatures_key')
  @Column({ name: 'signing_key_id', type: 'uuid' })
  signingKeyId: string;

  @ManyToOne(() => SigningKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signing_key_id', foreignKeyConstraintName: 'fk_document_signatures_key' })
  signingKey?: SigningKey;

  /** What the signer signed as: `unit_head`, `cluster_leader_head`, `secretariat`, `counting_board`… */
  @Column({ type: 'text' })
  capacity: string;

  /** The unit they signed for, when the capacity is a unit's. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** The mandate that gave the capacity at `signedAt` (under a delegation: the delegating head's). */
  @Column({ name: 'mandate_id', type: 'uuid', nullable: true })
  mandateId: string | null;

  /** The approval delegation the signer acted under, when they signed for a head. */
  @Column({ name: 'delegation_id', type: 'uuid', nullable: true })
  delegationId: string | null;

  /** Base64 of the signature bytes (Ed25519: 64 bytes; ECDSA P-256: DER, or IEEE P1363 r‖s). */
  @Column({ type: 'text' })
  signature: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;

  /** The ledger entry that recorded this signature (same transaction). */
  @Column({ name: 'ledger_seq', type: 'bigint' })
  ledgerSeq: string;
}
