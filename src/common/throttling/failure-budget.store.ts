import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface FailureBudget {
  /** Failures allowed within the window; the next attempt is refused and the key blocked. */
  budget: number;
  /** The counter forgets after this long without a failure. */
  windowMs: number;
  /** How long the key is blocked, given how many attempts beyond the budget this one is (1, 2, …). */
  blockMs: (over: number) => number;
}

export type BudgetDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failure counters in PostgreSQL (the `throttle_buckets` table the throttler uses), shared by
 * every instance. An attempt is counted before it is judged, in one atomic upsert, so parallel
 * requests cannot slip more guesses past the budget; a success gives its count back.
 */
@Injectable()
export class FailureBudgetStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one attempt under `key`, or refuses it while the key is blocked or over budget. */
  async take(key: string, budget: FailureBudget): Promise<BudgetDecision> {
    const [blocked] = (await this.dataSource.query(
      `SELECT GREATEST(1, CEIL(EXTRACT(EPOCH FROM (blocked_until - now()))))::int AS seconds
         FROM throttle_buckets WHERE key = $1 AND blocked_until > now()`,
      [key],
    )) as { seconds: number }[];
    if (blocked) return { allowed: false, retryAfterSeconds: Number(blocked.seconds) };
    const [row] = (await this.dataSource.query(
      `INSERT INTO throttle_buckets AS b (key, hits, expires_at, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond', NULL)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
         expires_at = now() + $2 * interval '1 millisecond',
         blocked_until = NULL
       RETURNING hits`,
      [key, budget.windowMs],
    )) as { hits: number }[];
    const over = Number(row.hits) - budget.budget;
    if (over <= 0) return { allowed: true };
    const blockMs = Math.max(1000, budget.blockMs(over));
    await this.dataSource.query(
      `UPDATE throttle_buckets
          SET blocked_until = now() + $2 * interval '1 millisecond',
              expires_at = GREATEST(expires_at, now() + $2 * interval '1 millisecond')
        WHERE key = $1`,
      [key, blockMs],
    );
    return { allowed: false, retryAfterSeconds: Math.ceil(blockMs / 1000) };
  }

  /** The attempt succeeded: it was not a failure, so its count is given back. */
  async giveBack(key: string): Promise<void> {
    await this.dataSource.query(`UPDATE throttle_buckets SET hits = GREATEST(hits - 1, 0) WHERE key = $1`, [key]);
  }

  /** Forgets every failure under `key` (the owner proved who they are from there). */
  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM throttle_buckets WHERE key = $1`, [key]);
  }
}
