/** The API's own limits for evidence files (GET /evidence-limits), checked before a file is sent. */
export interface EvidenceLimits {
  maxBytes: number;
  types: { contentType: string; extensions: string[] }[];
}

export type EvidenceRefusal = { reason: 'type'; extensions: string[] } | { reason: 'size'; maxBytes: number };

/**
 * Why a file would be refused, or null. Only what the browser can know: the name's extension and
 * the size. The server still reads the bytes (a renamed file is refused there, with its reason).
 */
export function refusalOf(file: { name: string; size: number }, limits: EvidenceLimits): EvidenceRefusal | null {
  const extensions = limits.types.flatMap((type) => type.extensions);
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  // A name without an extension gets its type's usual one on the server: only the bytes can tell.
  if (extension && !extensions.includes(extension)) return { reason: 'type', extensions };
  if (file.size > limits.maxBytes) return { reason: 'size', maxBytes: limits.maxBytes };
  return null;
}
