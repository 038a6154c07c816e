import { registerAs } from '@nestjs/config';

export interface EvidenceConfig {
  /** Largest evidence file accepted, in bytes (the multipart plugin stops reading beyond it). */
  maxBytes: number;
}

/** Besides the one file, a form may carry a few small text fields; the upload ignores them. */
export const EVIDENCE_MAX_FIELDS = 5;
const EVIDENCE_MAX_FIELD_BYTES = 1024;

export function readEvidenceConfig(env: NodeJS.ProcessEnv = process.env): EvidenceConfig {
  return { maxBytes: Number(env.EVIDENCE_MAX_BYTES ?? 10 * 1024 * 1024) };
}

export const evidenceConfig = registerAs('evidence', () => readEvidenceConfig());

/**
 * The limits `@fastify/multipart` enforces while it reads a request (busboy's `limits`): one file
 * of at most `maxBytes`, a few short fields, so no upload holds more than that in memory.
 */
export function multipartLimits(config: EvidenceConfig) {
  return {
    fileSize: config.maxBytes,
    files: 1,
    fields: EVIDENCE_MAX_FIELDS,
    fieldSize: EVIDENCE_MAX_FIELD_BYTES,
    parts: EVIDENCE_MAX_FIELDS + 1,
    headerPairs: 20,
  };
}
