import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookPlugin } from '../src/adapters/fastify.ts';
import { generateSecret, signPayload } from '../src/index.ts';
import { completed, NEWER_SECRET, nowSeconds, post, SECRET } from './fixtures.ts';

const body = JSON.stringify(completed);
const signed = (secret = SECRET) => signPayload({ body, secrets: secret, id: 'evt_fastify', timestamp: nowSeconds() });

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(): Promise<string> {
  app = Fastify();
  app.post('/json', async (request) => ({ parsed: request.body }));
  await app.register(webhookPlugin, {
    prefix: '/webhooks',
    url: '/realid',
    secrets: [NEWER_SECRET, SECRET],
    handler: ({ event, id }) => ({ event: event.event, id }),
  });
  await app.register(webhookPlugin, {
    url: '/silent',
    secrets: SECRET,
    handler: async (webhook, _request, reply) => {
      if (webhook.event.event === 'check.failed') return reply.code(202).send({ flagged: true });
      return undefined;
    },
  });
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe('Fastify webhookPlugin over loopback', () => {
  it('verifies the raw bytes and returns what the handler returns', async () => {
    const url = await start();
    await expect(post(`${url}/webhooks/realid`, body, signed())).resolves.toEqual({ status: 200, json: { event: 'check.completed', id: 'evt_fastify' } });
  });

  it('answers 400 with the error code for a bad signature or a stripped-down request', async () => {
    const url = await start();
    await expect(post(`${url}/webhooks/realid`, body, signed(generateSecret()))).resolves.toMatchObject({
      status: 400,
      json: { error: { code: 'invalid_signature' } },
    });
    const bodyOnly = { 'content-type': 'application/json', 'x-real-id-signature': signed()['X-Real-ID-Signature'] };
    await expect(post(`${url}/webhooks/realid`, body, bodyOnly)).resolves.toMatchObject({ status: 400, json: { error: { code: 'missing_signature' } } });
  });

  it('answers 204 when the handler returns nothing, and lets it reply itself', async () => {
    const url = await start();
    await expect(post(`${url}/silent`, body, signed())).resolves.toEqual({ status: 204, json: undefined });
    const failed = JSON.stringify({ ...completed, event: 'check.failed', check: { ...completed.check, step: 'failed' } });
    const headers = signPayload({ body: failed, secrets: SECRET, id: 'evt_2', timestamp: nowSeconds() });
    await expect(post(`${url}/silent`, failed, headers)).resolves.toEqual({ status: 202, json: { flagged: true } });
  });

  it("keeps its raw-body parser inside the plugin: the app's other routes still get parsed JSON", async () => {
    const url = await start();
    await expect(post(`${url}/json`, '{"a":1}', { 'content-type': 'application/json' })).resolves.toEqual({ status: 200, json: { parsed: { a: 1 } } });
  });
});
