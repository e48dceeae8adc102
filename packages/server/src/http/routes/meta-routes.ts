// Public facts about this installation: the network range webhooks come from (the source page's "Network Range").
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.ts';
import { EVENT_SCHEMAS } from '../../events/event-schemas.ts';
import * as schema from '../schemas/meta-schemas.ts';

export function metaRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/meta/ip-ranges', { schema: { summary: 'Where webhooks come from', tags: ['meta'], security: [], response: { 200: schema.ipRangesAnswer } } }, async () => ({
      webhooks: { ranges: s.config.webhooks.egressRanges },
      description: s.config.webhooks.egressRanges.length
        ? 'Webhook deliveries come from these addresses.'
        : 'The operator has not published egress addresses for webhook deliveries.',
    }));

    // The JSON Schema of each event's payload, for receivers that validate what they get.
    app.get('/meta/event-schemas', { schema: { summary: 'The JSON Schema of every event', tags: ['meta'], security: [], response: { 200: schema.eventSchemasAnswer } } }, async () => ({ schemas: EVENT_SCHEMAS }));
  };
}
