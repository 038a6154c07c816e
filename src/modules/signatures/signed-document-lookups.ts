import type { EntityManager } from 'typeorm';
import type { SignedDocumentFacts } from './signed-document-facts';
import type { SignedDocumentKind } from './signed-document.entity';

interface DocumentRow {
  id: string;
  kind: SignedDocumentKind;
  subject_id: string;
  canonical: string;
  digest: string;
  created_at: Date | string;
}

const toFacts = (row: DocumentRow): SignedDocumentFacts => ({
  id: row.id,
  kind: row.kind,
  subjectId: row.subject_id,
  canonical: row.canonical,
  digest: row.digest,
  createdAt: new Date(row.created_at),
});

/** The first document of the kind signed about the subject (oldest, ties by id), or null. */
export async function firstSignedDocumentOf(
  manager: EntityManager,
  kind: SignedDocumentKind,
  subjectId: string,
): Promise<SignedDocumentFacts | null> {
  const [row] = (await manager.query(
    `SELECT id, kind, subject_id, canonical, digest, created_at FROM signed_documents
      WHERE kind = $1 AND subject_id = $2
      ORDER BY created_at, id LIMIT 1`,
    [kind, subjectId],
  )) as DocumentRow[];
  return row ? toFacts(row) : null;
}

/** A signed document found by its digest: what it is and what it is about (not its content). */
export interface DocumentWithDigest {
  id: string;
  kind: SignedDocumentKind;
  subjectId: string;
}

/** The documents of these kinds whose SHA-256 is `digest` (lowercase hex), in no particular order. */
export async function documentsWithDigest(
  manager: EntityManager,
  digest: string,
  kinds: readonly SignedDocumentKind[],
): Promise<DocumentWithDigest[]> {
  const rows = (await manager.query(
    `SELECT id, kind, subject_id FROM signed_documents WHERE digest = $1 AND kind = ANY($2::text[])`,
    [digest, [...kinds]],
  )) as { id: string; kind: SignedDocumentKind; subject_id: string }[];
  return rows.map((row) => ({ id: row.id, kind: row.kind, subjectId: row.subject_id }));
}
