import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * Throttler counters in PostgreSQL, so that several API instances share one limit (the default
 * storage is process memory). One upsert per check; expired buckets are swept now and then.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO throttle_buckets AS b (key, hits, expires_at, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond',
               CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at <= now() AND COALESCE(b.blocked_until <= now(), true) THEN 1 ELSE b.hits + 1 END,
         expires_at = CASE WHEN b.expires_at <= now() THEN now() + $2 * interval '1 millisecond' ELSE b.expires_at END,
         blocked_until = CASE
           WHEN b.blocked_until > now() THEN b.blocked_until
           WHEN (CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END) > $3 THEN now() + $4 * interval '1 millisecond'
           ELSE NULL END
       RETURNING hits,
                 GREATEST(0, CEIL(EXTRACT(EPOCH FROM (expires_at - now()))))::int AS time_to_expire,
                 COALESCE(blocked_until > now(), false) AS is_blocked,
                 GREATEST(0, CEIL(EXTRACT(EPOCH FROM (COALESCE(blocked_until, now()) - now()))))::int AS time_to_block_expire`,
      [key, ttl, limit, blockDuration],
    )) as { hits: number; time_to_expire: number; is_blocked: boolean; time_to_block_expire: number }[];
    if (Math.random() < 0.01) {
      await this.dataSource.query(
        `DELETE FROM throttle_buckets WHERE expires_at < now() AND COALESCE(blocked_until < now(), true)`,
      );
    }
    return {
      totalHits: Number(row.hits),
      timeToExpire: Number(row.time_to_expire),
      isBlocked: row.is_blocked,
      timeToBlockExpire: Number(row.time_to_block_expire),
    };
  }
}
