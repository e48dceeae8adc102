// The calling merchant's own account.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.ts';
import { principalOf } from '../authenticate.ts';

export function accountRoutes(_s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/account', { schema: { tags: ['account'] } }, async (request) => {
      const { account, mode } = principalOf(request);
      return {
        account: { id: account.id, name: account.name, plan: account.plan, minimum_age: account.minimumAge, created_at: new Date(account.createdAt).toISOString() },
        mode,
      };
    });
  };
}
