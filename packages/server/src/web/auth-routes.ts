// Signing in and out of the dashboard. Wrong email and wrong password get the same answer in the same time.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../core/services.ts';
import { AppError, RateLimitedError } from '../errors/app-error.ts';
import { normalizeEmail } from './create-user.ts';
import { LoginRateLimit } from './login-rate-limit.ts';
import { dummyHash, verifyPassword } from './password-hash.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { sessionView } from './session-view.ts';
import { activeSession, csrfSatisfied, endSession, startSession } from './sessions.ts';

const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const WRONG_CREDENTIALS = 'The email or password is incorrect.';

export function authRoutes(s: Services, limiter = new LoginRateLimit(s)) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { email: string; password: string } }>('/auth/login', { schema: { body: loginBody, hide: true } }, async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      const now = s.clock.now();
      const wait = await limiter.retryAfter(email, request.ip, now);
      if (wait > 0) {
        s.metrics.rateLimited.inc({ limit: 'login' });
        throw new RateLimitedError('Too many sign-in attempts. Wait a few minutes and try again.', Math.ceil(wait / 1000));
      }
      const user = await s.store.users.findByEmail(email);
      const matches = await verifyPassword(request.body.password, user?.passwordHash ?? (await dummyHash()));
      const account = user && matches ? await s.store.accounts.get(user.accountId) : undefined;
      if (!user || !account) {
        await limiter.recordFailure(email, request.ip, now);
        throw new AppError('unauthorized', WRONG_CREDENTIALS);
      }
      await limiter.recordSuccess(email);
      const started = await startSession(s, user);
      setSessionCookie(reply, s.config, started.token, started.expiresAt, now);
      return sessionView(user, account, started.csrfToken, started.expiresAt);
    });

    app.get('/auth/session', { schema: { hide: true } }, async (request, reply) => {
      const active = await activeSession(s, request);
      if (!active) throw new AppError('unauthorized', 'Not signed in.');
      reply.header('cache-control', 'no-store');
      return sessionView(active.user, active.account, active.session.csrfToken, active.session.expiresAt);
    });

    app.post('/auth/logout', { schema: { hide: true } }, async (request, reply) => {
      const active = await activeSession(s, request);
      if (active && !csrfSatisfied(request, active.session)) {
        throw new AppError('csrf_failed', 'This request is missing its CSRF token; reload the page and try again.');
      }
      await endSession(s, request);
      clearSessionCookie(reply, s.config);
      return { signed_out: true };
    });
  };
}
