// Slows password guessing: failed sign-ins are counted per email and per client address in a window that starts
// with the first failure. The counts are in the database (hashed names, no emails or addresses in plain), so
// the limit holds across every process that serves sign-ins.
import type { Services } from '../core/services.ts';
import { bucketName } from '../store/rate-limits-repo.ts';

export class LoginRateLimit {
  constructor(private readonly s: Services) {}

  private get limits() {
    const l = this.s.config.rateLimits;
    return { windowMs: l.loginWindowMinutes * 60_000, perEmail: l.loginPerEmail, perAddress: l.loginPerAddress };
  }

  /** Milliseconds until a new attempt is allowed, or 0 when one is allowed now. */
  async retryAfter(email: string, address: string, now: number): Promise<number> {
    const [byEmail, byAddress] = [bucketName('login-email', email), bucketName('login-address', address)];
    const counts = await this.s.store.rateLimits.peek([byEmail, byAddress], now);
    const wait = (bucket: string, max: number) => {
      const count = counts.get(bucket);
      return count && count.hits >= max ? count.resetAt - now : 0;
    };
    return Math.max(wait(byEmail, this.limits.perEmail), wait(byAddress, this.limits.perAddress));
  }

  async recordFailure(email: string, address: string, now: number): Promise<void> {
    const { windowMs } = this.limits;
    await this.s.store.rateLimits.hit(bucketName('login-email', email), windowMs, now);
    await this.s.store.rateLimits.hit(bucketName('login-address', address), windowMs, now);
    await this.s.store.rateLimits.prune(now);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.s.store.rateLimits.clear(bucketName('login-email', email));
  }
}
