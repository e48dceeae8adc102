// Slows password guessing: failed sign-ins are counted per email and per client address in a fixed window.
// In memory, per process: enough for one machine; behind several processes each keeps its own count.

export interface RateLimitOptions {
  windowMs: number;
  maxPerEmail: number;
  maxPerAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: RateLimitOptions = { windowMs: 15 * 60_000, maxPerEmail: 5, maxPerAddress: 30 };
const MAX_TRACKED = 10_000;

interface Window {
  failures: number;
  startedAt: number;
}

export class LoginRateLimit {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: RateLimitOptions = DEFAULT_LOGIN_LIMITS) {}

  /** Milliseconds until a new attempt is allowed, or 0 when one is allowed now. */
  retryAfter(email: string, address: string, now: number): number {
    const waits = [
      this.wait(`e:${email}`, this.options.maxPerEmail, now),
      this.wait(`a:${address}`, this.options.maxPerAddress, now),
    ];
    return Math.max(...waits);
  }

  recordFailure(email: string, address: string, now: number): void {
    if (this.windows.size >= MAX_TRACKED) this.prune(now);
    for (const key of [`e:${email}`, `a:${address}`]) {
      const current = this.live(key, now);
      this.windows.set(key, current ? { ...current, failures: current.failures + 1 } : { failures: 1, startedAt: now });
    }
  }

  recordSuccess(email: string): void {
    this.windows.delete(`e:${email}`);
  }

  private live(key: string, now: number): Window | undefined {
    const w = this.windows.get(key);
    return w && now - w.startedAt < this.options.windowMs ? w : undefined;
  }

  private wait(key: string, max: number, now: number): number {
    const w = this.live(key, now);
    return w && w.failures >= max ? w.startedAt + this.options.windowMs - now : 0;
  }

  /** Drops finished windows, then the oldest ones, so a flood of made-up emails cannot exhaust memory. */
  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.startedAt >= this.options.windowMs) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED) break;
      this.windows.delete(key);
    }
  }
}
