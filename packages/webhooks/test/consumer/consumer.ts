// Type-checked, never run: a TypeScript merchant's use of every entry point, under each tsconfig-*.json here.
import express from 'express';
import Fastify from 'fastify';
import { constructEvent, signPayload, type CheckEvent, type RealIdEvent, type WebhookHeaders } from '@realid/webhooks';
import { webhookHandler as expressHandler } from '@realid/webhooks/express';
import { webhookPlugin } from '@realid/webhooks/fastify';
import { verifyRequest, webhookHandler as webHandler } from '@realid/webhooks/web';

const secret = 'whsec_dfAV7w8VzpKGF7UP5gQuIb7QWzmK3KzZCD25AC6N+2Y=';

export function step(event: RealIdEvent): string {
  switch (event.event) {
    case 'check.completed': {
      const completed: 'completed' = event.check.step; // the union narrows the step with the event
      return completed;
    }
    case 'customer.data_request':
      return 'privacy';
    default:
      return event.event;
  }
}

export async function verify(body: string, headers: Record<string, string>): Promise<CheckEvent | undefined> {
  const event = await constructEvent(body, headers, [secret]);
  return event.event.startsWith('check.') ? (event as CheckEvent) : undefined;
}

export const headers: WebhookHeaders = signPayload({ body: '{}', secrets: secret, id: 'evt_1', timestamp: 1 });

const app = express();
app.post(
  '/hooks',
  expressHandler<express.Request, express.Response>(secret, ({ event }, _req, res) => {
    res.json({ step: step(event) });
  }),
);

const fastify = Fastify();
void fastify.register(webhookPlugin, { url: '/hooks', secrets: secret, handler: async ({ id }) => ({ id }) });

export const POST: (request: Request) => Promise<Response> = webHandler(secret, ({ event }) => {
  step(event);
});
export const verified = (request: Request): Promise<string | undefined> => verifyRequest(request, secret).then(({ id }) => id);
