import type { Schemas } from '../api/client';

type Bundle = Schemas['SignedBundleDto'];
export type BundleDocument = Bundle['documents'][number];
export type BundleSignature = Bundle['signatures'][number];

/**
 * What the page shows of a bundle — names, documents, mandates — read defensively: a dropped file
 * may be anything, and the verdict, not this view, says whether it is sound.
 */
export interface BundleView {
  documents: BundleDocument[];
  signatures: BundleSignature[];
  delegations: Bundle['delegations'];
  rootDocumentId: string | null;
  /** Names the documents give to ids (units, the cluster): `{ id, name }` objects in their JSON. */
  names: Map<string, string>;
}

const listOf = <T>(value: unknown): T[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];

function collectNames(value: unknown, names: Map<string, string>): void {
  if (Array.isArray(value)) for (const item of value) collectNames(item, names);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.name === 'string') names.set(record.id, record.name);
    for (const child of Object.values(record)) collectNames(child, names);
  }
}

export function viewOf(bundle: unknown): BundleView {
  const b = (typeof bundle === 'object' && bundle !== null ? bundle : {}) as Partial<Bundle>;
  const documents = listOf<BundleDocument>(b.documents);
  const names = new Map<string, string>();
  for (const document of documents) {
    try {
      collectNames(JSON.parse(document.canonical), names);
    } catch {
      // The verdict names a document that is not JSON.
    }
  }
  return {
    documents,
    signatures: listOf<BundleSignature>(b.signatures),
    delegations: listOf(b.delegations),
    rootDocumentId: typeof b.rootDocumentId === 'string' ? b.rootDocumentId : null,
    names,
  };
}
