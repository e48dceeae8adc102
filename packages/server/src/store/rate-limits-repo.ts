// Counters for request limits, shared by every process on the database: a window per bucket that starts with
// its first hit. Writes are relaxed (no fsync to wait for): a count lost to a power cut only lets a few requests
// more through.
import { sha256Hex } from '../ids.ts';
import type { SqlDriver } from './sql-driver.ts';

/** A bucket's stored name: a hash, so no email, address or key id is kept in plain. */
export const bucketName = (kind: string, value: string): string => sha256Hex(`${kind}:${value}`);

const PRUNE_EVERY_MS = 60_000;

export interface BucketCount {
  hits: number;
  /** When the window ends and the count starts over. */
  resetAt: number;
}

export class RateLimitsRepo {
  private prunedAt = 0;

  constructor(private readonly db: SqlDriver) {}

  /** Counts one hit; a window that has ended starts over with this one. */
  async hit(bucket: string, windowMs: number, now: number): Promise<BucketCount> {
    const [row] = await this.db.allCounter<{ hits: unknown; expires_at: unknown }>(
      `INSERT INTO rate_limits (bucket, hits, expires_at) VALUES (?, 1, ?)
       ON CONFLICT (bucket) DO UPDATE SET
         hits = CASE WHEN rate_limits.expires_at <= ? THEN 1 ELSE rate_limits.hits + 1 END,
         expires_at = CASE WHEN rate_limits.expires_at <= ? THEN excluded.expires_at ELSE rate_limits.expires_at END
       RETURNING hits, expires_at`,
      [bucket, now + windowMs, now, now],
    );
    return { hits: Number(row!.hits), resetAt: Number(row!.expires_at) };
  }

  /** The current windows' counts of these buckets (missing: none, or ended). */
  async peek(buckets: readonly string[], now: number): Promise<Map<string, BucketCount>> {
    if (buckets.length === 0) return new Map();
    const rows = await this.db.all<{ bucket: string; hits: unknown; expires_at: unknown }>(
      `SELECT bucket, hits, expires_at FROM rate_limits WHERE expires_at > ? AND bucket IN (${buckets.map(() => '?').join(', ')})`,
      [now, ...buckets],
    );
    return new Map(rows.map((r) => [r.bucket, { hits: Number(r.hits), resetAt: Number(r.expires_at) }]));
  }

  async clear(bucket: string): Promise<void> {
    await this.db.transaction((tx) => tx.run('DELETE FROM rate_limits WHERE bucket = ?', [bucket]), { durability: 'relaxed' });
  }

  /** Forgets ended windows, at most once a minute per process (buckets of made-up emails must not pile up). */
  async prune(now: number): Promise<void> {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    await this.db.transaction((tx) => tx.run('DELETE FROM rate_limits WHERE expires_at <= ?', [now]), { durability: 'relaxed' });
  }
}
