// Requests per API key (or signed-in dashboard user) per minute, counted in the database so the limit holds
// however many API processes share it: a runaway client gets `429 rate_limited` with `Retry-After`.
import type { Services } from '../core/services.ts';
import { RateLimitedError } from '../errors/app-error.ts';
import { bucketName } from '../store/rate-limits-repo.ts';
import type { Principal } from './authenticate.ts';

const WINDOW_MS = 60_000;

export async function limitApiRequests(s: Services, principal: Principal): Promise<void> {
  const now = s.clock.now();
  const { hits, resetAt } = await s.store.rateLimits.hit(bucketName('api', `${principal.actor.type}:${principal.actor.id}`), WINDOW_MS, now);
  void s.store.rateLimits.prune(now).catch((error: Error) => s.logger.warn({ err: { message: error.message } }, 'could not prune ended rate-limit windows'));
  const limit = s.config.rateLimits.apiPerMinute;
  if (hits > limit) {
    s.metrics.rateLimited.inc({ limit: 'api' });
    throw new RateLimitedError(`More than ${limit} requests in a minute with this key. Wait and retry.`, Math.max(1, Math.ceil((resetAt - now) / 1000)));
  }
}
