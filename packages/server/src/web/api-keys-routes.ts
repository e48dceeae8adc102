// API keys of the caller's account: list, create (the key is shown once) and revoke. Only a signed-in
// dashboard user manages keys: a leaked test key must not be able to mint a live one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { iso } from '../core/iso-time.ts';
import type { Services } from '../core/services.ts';
import { addApiKey } from '../accounts/create-account.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiKeyRecord } from '../store/accounts-repo.ts';
import { principalOf } from '../http/authenticate.ts';
import * as schema from '../http/schemas/account-schemas.ts';
import type * as types from '../http/schemas/api-types.ts';
import { merchantErrors } from '../http/schemas/error-schemas.ts';


/** API keys are managed by signed-in dashboard users only (the session cookie, and `x-csrf-token` on writes). */
const keysRoute = <T extends { response: Record<string, unknown> }>(summary: string, parts: T) => ({
  summary,
  tags: ['api keys'],
  security: [{ session: [] }],
  ...parts,
  response: { ...merchantErrors(403), ...parts.response },
});

const keyView = (k: ApiKeyRecord): types.ApiKeyView => ({
  id: k.id,
  mode: k.mode,
  prefix: k.prefix,
  label: k.label,
  created_at: new Date(k.createdAt).toISOString(),
  revoked_at: iso(k.revokedAt),
});

function dashboardAccount(request: FastifyRequest): string {
  const principal = principalOf(request);
  if (principal.via !== 'session') throw new AppError('forbidden', 'API keys are managed from the dashboard by a signed-in user.');
  return principal.account.id;
}

export function apiKeysRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api-keys', { schema: keysRoute('List API keys', { response: { 200: schema.listKeysAnswer } }) }, async (request) => {
      const keys = await s.store.accounts.listKeys(dashboardAccount(request));
      return { api_keys: keys.map(keyView) };
    });

    app.post<{ Body: types.CreateKeyBody }>(
      '/api-keys',
      { schema: keysRoute('Create an API key', { body: schema.createKeyBody, response: { 201: schema.createdKeyAnswer, ...merchantErrors(422) } }) },
      async (request, reply) => {
        const accountId = dashboardAccount(request);
        const created = await s.store.driver.transaction((tx) =>
          addApiKey(s.store, tx, accountId, request.body.mode, s.clock.now(), request.body.label.trim()),
        );
        return reply.status(201).send({ api_key: keyView(created.record), key: created.key });
      },
    );

    app.delete<{ Params: { id: string } }>(
      '/api-keys/:id',
      { schema: keysRoute('Revoke an API key', { params: schema.keyIdParams, response: { 200: schema.revokedKeyAnswer, ...merchantErrors(404, 422) } }) },
      async (request) => {
        const accountId = dashboardAccount(request);
        if (!(await s.store.accounts.revokeKey(accountId, request.params.id, s.clock.now()))) {
          throw new AppError('not_found', 'No active API key with this id.');
        }
        const key = (await s.store.accounts.listKeys(accountId)).find((k) => k.id === request.params.id);
        return { api_key: key && keyView(key) };
      },
    );
  };
}
