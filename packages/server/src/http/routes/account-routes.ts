// The calling merchant's own account, and the one setting a signed-in user may change here: how long finished
// checks keep their personal data.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Account } from '../../store/accounts-repo.ts';
import { principalOf } from '../authenticate.ts';

const accountView = (account: Account) => ({
  id: account.id,
  name: account.name,
  plan: account.plan,
  minimum_age: account.minimumAge,
  retention_days: account.retentionDays,
  created_at: new Date(account.createdAt).toISOString(),
});

const patchAccountBody = {
  type: 'object',
  additionalProperties: false,
  required: ['retention_days'],
  properties: { retention_days: { type: 'integer', minimum: 1, maximum: 3650 } },
} as const;

export function accountRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/account', { schema: { tags: ['account'] } }, async (request) => {
      const { account, mode } = principalOf(request);
      return { account: accountView(account), mode };
    });

    app.patch<{ Body: { retention_days: number } }>('/account', { schema: { body: patchAccountBody, tags: ['account'] } }, async (request) => {
      const principal = principalOf(request);
      // An account setting that deletes data: for the people who run the account, not for any key's holder.
      if (principal.via !== 'session') throw new AppError('forbidden', 'Change the retention period from the dashboard, signed in.');
      await s.store.accounts.update(principal.account.id, { retentionDays: request.body.retention_days });
      return { account: accountView((await s.store.accounts.get(principal.account.id))!), mode: principal.mode };
    });
  };
}
