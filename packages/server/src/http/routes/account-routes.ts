// The calling merchant's own account, and the settings a signed-in user may change here: how long finished
// checks keep their personal data, and whether checks compare the name on the ID with the customer's.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Account } from '../../store/accounts-repo.ts';
import { principalOf } from '../authenticate.ts';
import * as schema from '../schemas/account-schemas.ts';
import type * as types from '../schemas/api-types.ts';
import { errorResponses, merchantErrors } from '../schemas/error-schemas.ts';

const accountView = (account: Account): types.AccountAnswer['account'] => ({
  id: account.id,
  name: account.name,
  plan: account.plan,
  minimum_age: account.minimumAge,
  retention_days: account.retentionDays,
  name_match: account.nameMatch,
  created_at: new Date(account.createdAt).toISOString(),
});

export function accountRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Reply: types.AccountAnswer }>(
      '/account',
      { schema: { summary: 'The caller’s account', tags: ['account'], response: { 200: schema.accountAnswer, ...errorResponses(401) } } },
      async (request) => {
        const { account, mode } = principalOf(request);
        return { account: accountView(account), mode };
      },
    );

    app.patch<{ Body: types.PatchAccountBody; Reply: types.AccountAnswer }>(
      '/account',
      {
        schema: {
          summary: 'Change account settings',
          description: 'How many days finished checks keep their personal data (1–3650), and name matching. Signed-in dashboard users only: an API key gets `403 forbidden`.',
          tags: ['account'],
          security: [{ session: [] }],
          body: schema.patchAccountBody,
          response: { 200: schema.accountAnswer, ...merchantErrors(403, 422) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        // An account setting that deletes data: for the people who run the account, not for any key's holder.
        if (principal.via !== 'session') throw new AppError('forbidden', 'Change account settings from the dashboard, signed in.');
        const { retention_days, name_match } = request.body;
        await s.store.accounts.update(principal.account.id, {
          ...(retention_days !== undefined ? { retentionDays: retention_days } : {}),
          ...(name_match !== undefined ? { nameMatch: name_match } : {}),
        });
        return { account: accountView((await s.store.accounts.get(principal.account.id))!), mode: principal.mode };
      },
    );
  };
}
