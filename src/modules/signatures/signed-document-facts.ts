import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { SignedDocument, type SignedDocumentKind } from './signed-document.entity';

/** A signed document as other modules read it: what was signed (canonical JSON) and its digest. */
export interface SignedDocumentFacts {
  id: string;
  kind: SignedDocumentKind;
  subjectId: string;
  canonical: string;
  digest: string;
  createdAt: Date;
}

/** The signed documents of these ids by id (ids not found are absent), in the caller's transaction. */
export async function signedDocuments(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, SignedDocumentFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.find(SignedDocument, { where: { id: In([...new Set(ids)]) } });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        kind: row.kind,
        subjectId: row.subjectId,
        canonical: row.canonical,
        digest: row.digest,
        createdAt: row.createdAt,
      },
    ]),
  );
}
