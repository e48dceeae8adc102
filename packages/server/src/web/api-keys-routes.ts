// API keys of the caller's account: list, create (the key is shown once) and revoke. Only a signed-in
// dashboard user manages keys: a leaked test key must not be able to mint a live one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { iso } from '../core/iso-time.ts';
import type { Services } from '../core/services.ts';
import { addApiKey } from '../accounts/create-account.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiKeyRecord, KeyMode } from '../store/accounts-repo.ts';
import { principalOf } from '../http/authenticate.ts';

const createKeyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'label'],
  properties: { mode: { enum: ['test', 'live'] }, label: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

const keyIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;


const keyView = (k: ApiKeyRecord) => ({
  id: k.id,
  mode: k.mode,
  prefix: k.prefix,
  label: k.label,
  created_at: iso(k.createdAt),
  revoked_at: iso(k.revokedAt),
});

function dashboardAccount(request: FastifyRequest): string {
  const principal = principalOf(request);
  if (principal.via !== 'session') throw new AppError('forbidden', 'API keys are managed from the dashboard by a signed-in user.');
  return principal.account.id;
}

export function apiKeysRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api-keys', { schema: { tags: ['api keys'] } }, async (request) => {
      const keys = await s.store.accounts.listKeys(dashboardAccount(request));
      return { api_keys: keys.map(keyView) };
    });

    app.post<{ Body: { mode: KeyMode; label: string } }>('/api-keys', { schema: { body: createKeyBody, tags: ['api keys'] } }, async (request, reply) => {
      const accountId = dashboardAccount(request);
      const created = await s.store.driver.transaction((tx) =>
        addApiKey(s.store, tx, accountId, request.body.mode, s.clock.now(), request.body.label.trim()),
      );
      return reply.status(201).send({ api_key: keyView(created.record), key: created.key });
    });

    app.delete<{ Params: { id: string } }>('/api-keys/:id', { schema: { params: keyIdParams, tags: ['api keys'] } }, async (request) => {
      const accountId = dashboardAccount(request);
      if (!(await s.store.accounts.revokeKey(accountId, request.params.id, s.clock.now()))) {
        throw new AppError('not_found', 'No active API key with this id.');
      }
      const key = (await s.store.accounts.listKeys(accountId)).find((k) => k.id === request.params.id);
      return { api_key: key && keyView(key) };
    });
  };
}
