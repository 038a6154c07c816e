import type { EntityManager } from 'typeorm';
import { canonicalDocument } from './canonical-document';
import { signaturesOfDocuments } from './document-signatures';
import type { SignableDocumentOf } from './dto/signable-document.dto';
import { SignedDocument, type SignedDocumentKind } from './signed-document.entity';

/**
 * A signable document in the one shape every `GET …/document` serves. `stored`: the document as
 * it was signed (its bytes are final); otherwise `content` as the owning module builds it now —
 * with the stored row and its signatures if someone already signed exactly these bytes. `C` is the
 * kind's document type; a stored document is parsed as one (its format is versioned, never edited).
 */
export async function signableDocument<K extends SignedDocumentKind, C>(
  manager: EntityManager,
  kind: K,
  subjectId: string,
  source: { stored: SignedDocument } | { content: C },
): Promise<SignableDocumentOf<K, C>> {
  const { canonical, digest } =
    'stored' in source
      ? { canonical: source.stored.canonical, digest: source.stored.digest }
      : canonicalDocument(source.content);
  const stored =
    'stored' in source ? source.stored : await manager.findOne(SignedDocument, { where: { kind, subjectId, digest } });
  const signatures = stored ? ((await signaturesOfDocuments(manager, [stored.id])).get(stored.id) ?? []) : [];
  return {
    kind,
    subjectId,
    documentId: stored?.id ?? null,
    canonical,
    digest,
    content: JSON.parse(canonical) as C,
    signatures,
  };
}
