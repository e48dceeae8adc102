// sendWebhook against real HTTP receivers on loopback: what each kind of answer becomes.

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeOutboundDispatchers, sendWebhook } from '../../src/webhooks/engine/outbound/index.ts';
import type { OutboundOptions } from '../../src/webhooks/engine/outbound/index.ts';
import { expectNoOpenSockets, startReceiver } from './loopback-receiver.ts';
import type { Receiver } from './loopback-receiver.ts';

const body = '{"event":"check.completed","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"7TWFOC-auPI","step":"completed","testing":true}}';
const headers = { 'content-type': 'application/json', 'x-real-id-signature': 'deadbeef', Host: 'attacker.example' };
const dev: OutboundOptions = { allowLoopback: true };

const receivers: Receiver[] = [];
async function receiver(handler: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(handler);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((started) => started.close()));
});
afterAll(async () => {
  await closeOutboundDispatchers();
  await expectNoOpenSockets();
});

const send = (url: string, options: OutboundOptions = dev) => sendWebhook({ url, headers, body, options });

describe('sendWebhook', () => {
  it('delivers the body and headers as a POST and reports a 2xx as ok', async () => {
    const target = await receiver((_request, response) => response.writeHead(202).end('thanks'));
    const result = await send(`${target.origin}/hooks/realid?account=42#fragment`);

    expect(result).toMatchObject({ ok: true, status: 202, responseExcerpt: 'thanks' });
    expect(result.errorCode).toBeUndefined();
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(result.latencyMs)).toBe(true);
    const [request] = target.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/realid?account=42', body });
    // The caller's Host is replaced by the URL's: it names the merchant's host, nothing else.
    expect(request?.headers).toMatchObject({ host: `127.0.0.1:${target.port}`, 'content-type': 'application/json', 'x-real-id-signature': 'deadbeef' });
  });

  it('reports a 500 as http_status with the response excerpt', async () => {
    const target = await receiver((_request, response) => response.writeHead(500).end('database on fire'));
    expect(await send(`${target.origin}/`)).toMatchObject({
      ok: false,
      status: 500,
      errorCode: 'http_status',
      errorMessage: 'HTTP 500',
      responseExcerpt: 'database on fire',
    });
  });

  it('keeps only the first 16 KiB of a 1 MiB response body', async () => {
    const target = await receiver((_request, response) => response.writeHead(200).end('x'.repeat(1024 * 1024)));
    const result = await send(`${target.origin}/`);
    expect(result.ok).toBe(true);
    expect(result.responseExcerpt).toHaveLength(16 * 1024);
  });

  it('honours maxResponseBytes', async () => {
    const target = await receiver((_request, response) => response.writeHead(400).end('0123456789'));
    expect((await send(`${target.origin}/`, { ...dev, maxResponseBytes: 4 })).responseExcerpt).toBe('0123');
  });

  it('does not follow redirects: a 301 is a failure and its target sees nothing', async () => {
    const elsewhere = await receiver((_request, response) => response.end('should not be reached'));
    const target = await receiver((_request, response) => response.writeHead(301, { location: `${elsewhere.origin}/moved` }).end());
    const result = await send(`${target.origin}/old`);

    expect(result).toMatchObject({ ok: false, status: 301, errorCode: 'http_status' });
    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('marks 410 Gone', async () => {
    const target = await receiver((_request, response) => response.writeHead(410).end());
    expect(await send(`${target.origin}/`)).toMatchObject({ ok: false, status: 410, errorCode: 'http_status', gone: true });
  });

  it('reads Retry-After in seconds on 429', async () => {
    const target = await receiver((_request, response) => response.writeHead(429, { 'retry-after': '120' }).end());
    expect(await send(`${target.origin}/`)).toMatchObject({ ok: false, status: 429, retryAfterMs: 120_000 });
  });

  it('reads Retry-After as an HTTP-date on 503', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const target = await receiver((_request, response) => response.writeHead(503, { 'retry-after': at }).end());
    const result = await send(`${target.origin}/`);
    expect(result).toMatchObject({ ok: false, status: 503 });
    // HTTP-dates have whole-second precision.
    expect(result.retryAfterMs).toBeGreaterThan(58_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('ignores Retry-After on other statuses', async () => {
    const target = await receiver((_request, response) => response.writeHead(500, { 'retry-after': '120' }).end());
    const result = await send(`${target.origin}/`);
    expect(result.retryAfterMs).toBeUndefined();
    expect(result.gone).toBeUndefined();
  });

  it('reuses keep-alive connections for consecutive deliveries to an origin', async () => {
    const target = await receiver((_request, response) => response.end('ok'));
    for (let index = 0; index < 6; index++) expect((await send(`${target.origin}/`)).ok).toBe(true);
    // undici's pool may open a second connection before the first is marked idle again, as it does for a bare loop.
    const ports = new Set(target.requests.map((request) => request.remotePort));
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it('sends from localAddress', async () => {
    const target = await receiver((_request, response) => response.end('ok'));
    // All of 127.0.0.0/8 is on the loopback interface, so 127.0.0.2 is a second local source address.
    expect((await send(`${target.origin}/`, { ...dev, localAddress: '127.0.0.2' })).ok).toBe(true);
    expect(target.requests[0]?.remoteAddress).toBe('127.0.0.2');
  });
});
