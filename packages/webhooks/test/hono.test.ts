import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyRequest, webhookHandler } from '../src/adapters/web.ts';
import { signPayload, WebhookVerificationError } from '../src/index.ts';
import { completed, NEWER_SECRET, nowSeconds, post, SECRET } from './fixtures.ts';

const body = JSON.stringify(completed);
const signed = (secret = SECRET) => signPayload({ body, secrets: secret, id: 'evt_hono', timestamp: nowSeconds() });

let server: ServerType | undefined;
afterEach(async () => {
  const closing = server;
  server = undefined;
  if (closing) await new Promise<void>((resolve, reject) => closing.close((error) => (error ? reject(error) : resolve())));
});

function app(): Hono {
  const hono = new Hono();
  const handle = webhookHandler(SECRET, ({ event, id }) => Response.json({ event: event.event, id }));
  hono.post('/handler', (c) => handle(c.req.raw));
  hono.post('/silent', (c) => webhookHandler(SECRET, () => undefined)(c.req.raw));
  hono.post('/manual', async (c) => {
    try {
      const { event } = await verifyRequest(c.req.raw, SECRET);
      return c.json({ check: event.check.id });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return c.json({ error: { code: error.code } }, 400);
      throw error;
    }
  });
  hono.post('/parsed-first', async (c) => {
    await c.req.json();
    return handle(c.req.raw);
  });
  return hono;
}

async function start(): Promise<string> {
  const address = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app().fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return `http://127.0.0.1:${address.port}`;
}

describe('Web Request helpers on Hono (@hono/node-server) over loopback', () => {
  it('webhookHandler verifies and returns the handler response, or 204', async () => {
    const url = await start();
    await expect(post(`${url}/handler`, body, signed())).resolves.toEqual({ status: 200, json: { event: 'check.completed', id: 'evt_hono' } });
    await expect(post(`${url}/silent`, body, signed())).resolves.toEqual({ status: 204, json: undefined });
  });

  it('webhookHandler answers 400 with the error code for a bad signature', async () => {
    const url = await start();
    await expect(post(`${url}/handler`, body, signed(NEWER_SECRET))).resolves.toMatchObject({ status: 400, json: { error: { code: 'invalid_signature' } } });
  });

  it('verifyRequest returns the typed event, and throws WebhookVerificationError on failure', async () => {
    const url = await start();
    await expect(post(`${url}/manual`, body, signed())).resolves.toEqual({ status: 200, json: { check: '7TWFOC-auPI' } });
    await expect(post(`${url}/manual`, `${body}\n`, signed())).resolves.toEqual({ status: 400, json: { error: { code: 'invalid_signature' } } });
  });

  it('diagnoses a body read before verification as body_not_raw', async () => {
    const url = await start();
    await expect(post(`${url}/parsed-first`, body, signed())).resolves.toMatchObject({
      status: 400,
      json: { error: { code: 'body_not_raw', message: expect.stringContaining('already read') } },
    });
  });
});
