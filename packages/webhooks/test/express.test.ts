import { createServer } from 'node:http';
import express, { type Request, type Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookHandler } from '../src/adapters/express.ts';
import { signPayload } from '../src/index.ts';
import { completed, listen, NEWER_SECRET, nowSeconds, post, SECRET } from './fixtures.ts';

const body = JSON.stringify(completed);
const signed = (secret = SECRET) => signPayload({ body, secrets: secret, id: 'evt_express', timestamp: nowSeconds() });
const echo = webhookHandler<Request, Response>(SECRET, ({ event, id }, _req, res) => {
  res.json({ event: event.event, id });
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(app: express.Express): Promise<string> {
  const server = await listen(createServer(app));
  close = server.close;
  return server.url;
}

describe('Express webhookHandler over loopback', () => {
  it('reads the raw stream itself when no body parser ran', async () => {
    const app = express();
    app.post('/hook', echo);
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed())).resolves.toEqual({ status: 200, json: { event: 'check.completed', id: 'evt_express' } });
  });

  it('answers 400 with the error code for a bad signature, and 204 when the handler sends nothing', async () => {
    const app = express();
    app.post('/hook', webhookHandler(SECRET, () => undefined));
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed(NEWER_SECRET))).resolves.toMatchObject({ status: 400, json: { error: { code: 'invalid_signature' } } });
    await expect(post(`${url}/hook`, body, { 'content-type': 'application/json' })).resolves.toMatchObject({ status: 400, json: { error: { code: 'missing_signature' } } });
    await expect(post(`${url}/hook`, body, signed())).resolves.toEqual({ status: 204, json: undefined });
  });

  it('works behind express.raw({ type: "application/json" })', async () => {
    const app = express();
    app.post('/hook', express.raw({ type: 'application/json' }), echo);
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed())).resolves.toMatchObject({ status: 200 });
  });

  it('diagnoses express.json() running first as body_not_raw', async () => {
    const app = express();
    app.use(express.json());
    app.post('/hook', echo);
    const url = await serve(app);
    const response = await post(`${url}/hook`, body, signed());
    expect(response).toMatchObject({ status: 400, json: { error: { code: 'body_not_raw', message: expect.stringContaining('express.json') } } });
  });

  it('reads the stream itself when a parser skipped the request but preset req.body', async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.body = {};
      next();
    });
    app.post('/hook', echo);
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed())).resolves.toMatchObject({ status: 200 });
  });

  it('uses the bytes kept by express.json({ verify })', async () => {
    const app = express();
    app.use(express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }));
    app.post('/hook', echo);
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed())).resolves.toMatchObject({ status: 200, json: { id: 'evt_express' } });
  });

  it('refuses a body over the limit with 413', async () => {
    const app = express();
    app.post('/hook', webhookHandler(SECRET, () => undefined, { limitBytes: 64 }));
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed())).resolves.toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
  });

  it('passes handler errors to Express', async () => {
    const app = express();
    app.post('/hook', webhookHandler(SECRET, () => Promise.reject(new Error('database down'))));
    app.use((_error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
      res.status(503).json({ handled: true });
    });
    const url = await serve(app);
    await expect(post(`${url}/hook`, body, signed())).resolves.toEqual({ status: 503, json: { handled: true } });
  });

  it('refuses a bad secret at setup, not on the first delivery', () => {
    expect(() => webhookHandler(`${SECRET} `, () => undefined)).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
  });
});
