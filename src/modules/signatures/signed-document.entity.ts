import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SIGNED_DOCUMENT_KINDS = ['unit_pledge', 'pledge_seal', 'counting_record', 'handover_record'] as const;
export type SignedDocumentKind = (typeof SIGNED_DOCUMENT_KINDS)[number];

/**
 * A document as it was signed (văn bản đã ký): its RFC 8785 canonical JSON, exactly the bytes the
 * signers signed, and their SHA-256. Append-only (trigger `trg_signed_documents_append_only`):
 * one row per distinct content of a subject, kept for as long as the signatures over it.
 */
@Entity({ name: 'signed_documents' })
@Index('uq_signed_documents_subject_digest', ['kind', 'subjectId', 'digest'], { unique: true })
export class SignedDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_signed_documents' })
  id: string;

  @Column({ type: 'text' })
  kind: SignedDocumentKind;

  /** The record the document is about (a unit pledge, a pledge, a poll, a handover). */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** The canonical bytes, UTF-8: what `GET …/document` served and what was signed. */
  @Column({ type: 'text' })
  canonical: string;

  /** SHA-256 (hex) of `canonical`'s UTF-8 bytes. */
  @Column({ type: 'text' })
  digest: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
