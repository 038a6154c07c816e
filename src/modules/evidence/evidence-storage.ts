import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sha256Hex } from '../ledger';
import { StoredBlob } from './stored-blob.entity';

export interface StoredContent {
  /** SHA-256 (hex) of the bytes: the key to read them back with. */
  sha256: string;
  sizeBytes: number;
}

/**
 * Where evidence bytes live, addressed by their SHA-256. Injected under this class, so another
 * backend (object storage, a folder) replaces the default with
 * `{ provide: EvidenceStorage, useClass: … }`. Both methods get the caller's transaction: a
 * backend in the database writes in it; one outside cannot roll back, but as a `put` of the
 * same bytes is the same key, a file left behind by a rolled-back upload is harmless.
 */
export abstract class EvidenceStorage {
  abstract put(manager: EntityManager, bytes: Buffer): Promise<StoredContent>;
  /** The bytes stored under `sha256`, or null when there are none. */
  abstract get(manager: EntityManager, sha256: string): Promise<Buffer | null>;
}

/** The default: `stored_blobs` in PostgreSQL (or PGlite), so the embedded mode needs nothing else. */
@Injectable()
export class PostgresEvidenceStorage extends EvidenceStorage {
  async put(manager: EntityManager, bytes: Buffer): Promise<StoredContent> {
    const sha256 = sha256Hex(bytes);
    // Identical files are stored once, whoever uploads them and however often.
    await manager.query(
      'INSERT INTO "stored_blobs" ("sha256", "bytes", "size_bytes") VALUES ($1, $2, $3) ON CONFLICT ("sha256") DO NOTHING',
      [sha256, bytes, bytes.length],
    );
    return { sha256, sizeBytes: bytes.length };
  }

  async get(manager: EntityManager, sha256: string): Promise<Buffer | null> {
    const blob = await manager.findOne(StoredBlob, { where: { sha256 } });
    if (!blob) return null;
    // `pg` gives a Buffer for bytea, PGlite a Uint8Array: hand callers a Buffer either way.
    const bytes = blob.bytes as Uint8Array;
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}
