import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** How long a key is kept after its first use (the draft suggests 24 hours). */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;
/**
 * How long a request may hold its key before a retry may run it again: far longer than any
 * request takes, so only a first run whose instance died is ever run twice.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 5 * 60;

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Who holds a key while its request runs. */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  attemptId: string;
}

export type ClaimResult =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'reused' }
  | { kind: 'in_progress' };

interface KeyRow {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

/**
 * The `idempotency_keys` table, shared by every instance. A key is claimed by inserting its row
 * before the request runs: the primary key lets one insert win, so two instances never both run it.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(userId: string, key: string, fingerprint: string, method: string, path: string): Promise<ClaimResult> {
    // A row deleted between the insert and the read (its first run released it) is claimed again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const attemptId = randomUUID();
      // An expired row, or one whose first run died holding it (same request only), is taken over.
      const claimed = (await this.dataSource.query(
        `INSERT INTO idempotency_keys AS k
              (user_id, key, fingerprint, method, path, state, attempt_id, locked_until, expires_at)
         VALUES ($1, $2, $3, $4, $5, 'in_progress', $6,
                 now() + $7 * interval '1 second', now() + $8 * interval '1 second')
         ON CONFLICT (user_id, key) DO UPDATE SET
           fingerprint = EXCLUDED.fingerprint, method = EXCLUDED.method, path = EXCLUDED.path,
           state = 'in_progress', attempt_id = EXCLUDED.attempt_id, locked_until = EXCLUDED.locked_until,
           response_status = NULL, response_headers = NULL, response_body = NULL,
           created_at = CASE WHEN k.expires_at <= now() THEN now() ELSE k.created_at END,
           expires_at = CASE WHEN k.expires_at <= now() THEN EXCLUDED.expires_at ELSE k.expires_at END
         WHERE k.expires_at <= now()
            OR (k.state = 'in_progress' AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
         RETURNING 1`,
        [userId, key, fingerprint, method, path, attemptId, IDEMPOTENCY_LEASE_SECONDS, IDEMPOTENCY_KEY_TTL_SECONDS],
      )) as unknown[];
      if (claimed.length > 0) return { kind: 'claimed', claim: { userId, key, attemptId } };

      const [row] = (await this.dataSource.query(
        `SELECT fingerprint, state, response_status, response_headers, response_body
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      )) as KeyRow[];
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { kind: 'reused' };
      if (row.state === 'in_progress') return { kind: 'in_progress' };
      return {
        kind: 'replay',
        answer: { status: row.response_status!, headers: row.response_headers ?? {}, body: row.response_body },
      };
    }
    return { kind: 'in_progress' };
  }

  /** Keeps the answer for the key's remaining life; a no-op if another run took the key over. */
  async complete(claim: IdempotencyClaim, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET state = 'completed', locked_until = NULL,
              response_status = $4, response_headers = $5, response_body = $6
        WHERE user_id = $1 AND key = $2 AND attempt_id = $3 AND state = 'in_progress'`,
      [claim.userId, claim.key, claim.attemptId, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** Forgets the key: the answer was not final (a 5xx, a transient refusal), so a retry runs again. */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND attempt_id = $3 AND state = 'in_progress'`,
      [claim.userId, claim.key, claim.attemptId],
    );
  }

  /** Deletes expired keys; returns how many. */
  async sweepExpired(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE expires_at <= now() RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    )) as { n: number }[];
    return Number(row.n);
  }
}
