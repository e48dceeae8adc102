// Public facts about this installation: the network range webhooks come from (the source page's "Network Range").
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.ts';
import { EVENT_SCHEMAS } from '../../events/event-schemas.ts';

export function metaRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/meta/ip-ranges', { schema: { tags: ['meta'], security: [] } }, async () => ({
      webhooks: { ranges: s.config.webhooks.egressRanges },
      description: s.config.webhooks.egressRanges.length
        ? 'Webhook deliveries come from these addresses.'
        : 'The operator has not published egress addresses for webhook deliveries.',
    }));

    // The JSON Schema of each event's payload, for receivers that validate what they get.
    app.get('/meta/event-schemas', { schema: { tags: ['meta'], security: [] } }, async () => ({ schemas: EVENT_SCHEMAS }));
  };
}
