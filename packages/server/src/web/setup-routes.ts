// First run: while the service has no dashboard users at all, the web app offers to create the first
// account and its owner. Once anyone exists (from here or `realid users create`), this is closed for good.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../core/services.ts';
import { createAccount } from '../accounts/create-account.ts';
import { AppError } from '../errors/app-error.ts';
import { checkNewCredentials, createUser } from './create-user.ts';
import { setSessionCookie } from './session-cookie.ts';
import { sessionView } from './session-view.ts';
import { startSession } from './sessions.ts';

const setupBody = {
  type: 'object',
  additionalProperties: false,
  required: ['account_name', 'email', 'password'],
  properties: {
    account_name: { type: 'string', minLength: 1, maxLength: 200 },
    email: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

interface SetupBody {
  account_name: string;
  email: string;
  password: string;
}

const ALREADY_DONE = 'This service is already set up. Sign in, or ask the operator for an account.';

async function claim(s: Services): Promise<boolean> {
  try {
    return await s.store.driver.transaction(async (tx) => !(await s.store.users.any(tx)) && (await s.store.users.claimFirstRun(tx, s.clock.now())));
  } catch (error) {
    // Two setups at once on PostgreSQL: the second one's insert hits the primary key.
    if (['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes((error as { code?: string }).code ?? '')) return false;
    throw error;
  }
}

export function setupRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/auth/setup', { schema: { hide: true } }, async () => ({ setup_needed: !(await s.store.users.any()) }));

    app.post<{ Body: SetupBody }>('/auth/setup', { schema: { body: setupBody, hide: true } }, async (request, reply) => {
      const { account_name: name, email, password } = request.body;
      checkNewCredentials(email, password);
      if ((await s.store.users.any()) || !(await claim(s))) throw new AppError('conflict', ALREADY_DONE);
      const created = await createAccount(s.store, s.clock, { name: name.trim(), plan: 'enterprise' });
      const user = await createUser(s.store, s.clock.now(), { accountId: created.account.id, email, password });
      const started = await startSession(s, user);
      setSessionCookie(reply, s.config, started.token, started.expiresAt, s.clock.now());
      return reply.status(201).send({
        ...sessionView(user, created.account, started.csrfToken, started.expiresAt),
        // Shown once, like every key: only their hashes are stored.
        api_keys: { test: created.testKey, live: created.liveKey },
      });
    });
  };
}
