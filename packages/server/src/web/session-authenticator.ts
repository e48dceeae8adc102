// Lets the dashboard call the same /api/v1 routes as an API key, with the session cookie instead.
// Requests that carry an Authorization header never reach this (API keys are exempt from CSRF).
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionAuthenticator } from '../http/authenticate.ts';
import type { KeyMode } from '../store/accounts-repo.ts';
import { activeSession, csrfSatisfied } from './sessions.ts';

/** The dashboard says per request whether it acts in test or live mode (a signed-in user may do both). */
export const MODE_HEADER = 'x-realid-mode';

export function sessionAuthenticator(s: Services): SessionAuthenticator {
  return async (request) => {
    const active = await activeSession(s, request);
    if (!active) return undefined;
    if (!csrfSatisfied(request, active.session)) {
      throw new AppError('csrf_failed', 'This request is missing its CSRF token; reload the page and try again.');
    }
    const mode: KeyMode = request.headers[MODE_HEADER] === 'live' ? 'live' : 'test';
    return { account: active.account, mode, via: 'session', userId: active.user.id, actor: { type: 'user', id: active.user.id } };
  };
}
