// Network failures against real loopback listeners: each becomes a SendResult with a stable code.

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeOutboundDispatchers, sendWebhook } from '../../src/webhooks/engine/outbound/index.ts';
import type { OutboundOptions } from '../../src/webhooks/engine/outbound/index.ts';
import { fakeDns } from './fake-dns.ts';
import { closedPort, expectNoOpenSockets, startReceiver, startTcpReceiver } from './loopback-receiver.ts';

const body = '{"event":"check.opened","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"7TWFOC-auPI","step":"opened","testing":true}}';
const headers = { 'content-type': 'application/json' };
// Short enough to keep the suite fast, long enough for a loopback round trip on a busy CI machine.
const SHORT_TIMEOUT_MS = 300;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
afterAll(async () => {
  await closeOutboundDispatchers();
  await expectNoOpenSockets();
});

const send = (url: string, options: OutboundOptions) => sendWebhook({ url, headers, body, options: { allowLoopback: true, ...options } });

describe('sendWebhook failures', () => {
  it('times out a receiver that never answers', async () => {
    const silent = await startReceiver(() => undefined);
    cleanups.push(silent.close);
    const result = await send(`${silent.origin}/`, { totalTimeoutMs: SHORT_TIMEOUT_MS });

    expect(result).toMatchObject({ ok: false, errorCode: 'timeout' });
    expect(result.status).toBeUndefined();
    expect(result.latencyMs).toBeGreaterThanOrEqual(SHORT_TIMEOUT_MS - 5);
    expect(result.latencyMs).toBeLessThan(SHORT_TIMEOUT_MS + 2_000);
    expect(silent.requests).toHaveLength(1);
  });

  it('counts reading the response body in the attempt timeout', async () => {
    const trickle = await startReceiver((_request, response) => {
      response.writeHead(200);
      response.write('still going…');
    });
    cleanups.push(trickle.close);
    expect(await send(`${trickle.origin}/`, { totalTimeoutMs: SHORT_TIMEOUT_MS })).toMatchObject({ ok: false, errorCode: 'timeout' });
  });

  it('applies the connect timeout to a TLS handshake that never completes', async () => {
    const mute = await startTcpReceiver(() => undefined);
    cleanups.push(mute.close);
    const result = await send(`https://127.0.0.1:${mute.port}/`, { connectTimeoutMs: 200, totalTimeoutMs: 10_000 });

    expect(result).toMatchObject({ ok: false, errorCode: 'timeout' });
    expect(result.latencyMs).toBeLessThan(5_000);
  });

  it('reports a closed port as connection_refused', async () => {
    const port = await closedPort();
    expect(await send(`http://127.0.0.1:${port}/`, {})).toMatchObject({ ok: false, errorCode: 'connection_refused' });
  });

  it('reports a connection dropped mid-request as connection_reset', async () => {
    const rude = await startTcpReceiver((socket) => socket.once('data', () => socket.resetAndDestroy()));
    cleanups.push(rude.close);
    expect(await send(`http://127.0.0.1:${rude.port}/`, {})).toMatchObject({ ok: false, errorCode: 'connection_reset' });
  });

  it('reports https to a plain-http port as tls', async () => {
    const plain = await startReceiver((_request, response) => response.end('ok'));
    cleanups.push(plain.close);
    const result = await send(`https://127.0.0.1:${plain.port}/`, {});
    expect(result).toMatchObject({ ok: false, errorCode: 'tls' });
    expect(plain.requests).toHaveLength(0);
  });

  it('reports a resolver failure as dns', async () => {
    expect(await send('http://nowhere.test/', { resolve: fakeDns({}) })).toMatchObject({ ok: false, errorCode: 'dns' });
  });

  it('times out a resolver that never answers', async () => {
    const never = (): Promise<never> => new Promise(() => undefined);
    expect(await send('http://slow-dns.test/', { resolve: never, totalTimeoutMs: SHORT_TIMEOUT_MS })).toMatchObject({ errorCode: 'timeout' });
  });
});
