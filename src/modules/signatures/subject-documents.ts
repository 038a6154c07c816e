import type { EntityManager } from 'typeorm';
import type { SignableDocumentOf } from './dto/signable-document.dto';
import type { SignedDocumentFacts } from './signed-document-facts';
import { signableDocument } from './signable-document';
import { SignedDocument, type SignedDocumentKind } from './signed-document.entity';

/** The signed documents of one kind about one subject, oldest first (at most `limit`), in the caller's transaction. */
export async function subjectDocuments(
  manager: EntityManager,
  kind: SignedDocumentKind,
  subjectId: string,
  limit?: number,
): Promise<SignedDocumentFacts[]> {
  const rows = await manager.find(SignedDocument, {
    where: { kind, subjectId },
    order: { createdAt: 'ASC', id: 'ASC' },
    ...(limit === undefined ? {} : { take: limit }),
  });
  return rows.map(({ id, canonical, digest, createdAt }) => ({ id, kind, subjectId, canonical, digest, createdAt }));
}

/** The signable document of a stored one another module read through this front door (no second read). */
export function signableStoredDocument<K extends SignedDocumentKind, C>(
  manager: EntityManager,
  kind: K,
  subjectId: string,
  stored: SignedDocumentFacts,
): Promise<SignableDocumentOf<K, C>> {
  return signableDocument<K, C>(manager, kind, subjectId, { stored: manager.create(SignedDocument, stored) });
}
