// The connection goes to the address that was checked: no second DNS lookup (rebinding),
// the merchant's name still used for Host and TLS, and a proxy given the IP rather than the name.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { createSecureContext, createServer as createTlsServer } from 'node:tls';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeOutboundDispatchers, sendWebhook } from '../../src/webhooks/engine/outbound/index.ts';
import { fakeDns } from './fake-dns.ts';
import { expectNoOpenSockets, startReceiver } from './loopback-receiver.ts';

const body = '{"event":"check.delivered","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"7TWFOC-auPI","step":"delivered","testing":true}}';
const headers = { 'content-type': 'application/json' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
afterAll(async () => {
  await closeOutboundDispatchers();
  await expectNoOpenSockets();
});

describe('connecting to the checked address', () => {
  it('resolves once per attempt and connects to the answer it checked (DNS rebinding)', async () => {
    const target = await startReceiver((_request, response) => response.end('ok'));
    cleanups.push(target.close);
    // First answer loopback (allowed in development); every later answer points at cloud metadata.
    const dns = fakeDns({ 'rebind.test': [['127.0.0.1'], ['169.254.169.254']] });
    const url = `http://rebind.test:${target.port}/hook`;

    const first = await sendWebhook({ url, headers, body, options: { allowLoopback: true, resolve: dns } });
    expect(first).toMatchObject({ ok: true, status: 200 });
    expect(dns.calls).toEqual(['rebind.test']);
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]?.headers.host).toBe(`rebind.test:${target.port}`);

    // The next attempt checks again and sees the new answer; it is not served from the first one.
    const second = await sendWebhook({ url, headers, body, options: { allowLoopback: true, resolve: dns } });
    expect(second).toMatchObject({ ok: false, errorCode: 'blocked_address' });
    expect(dns.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(target.requests).toHaveLength(1);
  });

  it('connects over IPv4 when a name has both families, as a development "localhost" does', async () => {
    const target = await startReceiver((_request, response) => response.end('ok'));
    cleanups.push(target.close);
    const dns = fakeDns({ 'dual.test': ['::1', '127.0.0.1'] });
    const result = await sendWebhook({ url: `http://dual.test:${target.port}/`, headers, body, options: { allowLoopback: true, resolve: dns } });
    expect(result).toMatchObject({ ok: true });
    expect(target.requests[0]?.remoteAddress).toBe('127.0.0.1');
  });

  it('uses the merchant host name for TLS (SNI and certificate check) while connecting to the checked IP', async () => {
    const fixtures = new URL('./fixtures/', import.meta.url);
    // A self-signed certificate for webhook.test (openssl, valid for 100 years); test-only.
    const context = createSecureContext({
      key: readFileSync(new URL('webhook-test.key.pem', fixtures)),
      cert: readFileSync(new URL('webhook-test.cert.pem', fixtures)),
    });
    const requestedNames: string[] = [];
    const server = createTlsServer({
      SNICallback: (name, done) => {
        requestedNames.push(name);
        done(null, context);
      },
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;

    const dns = fakeDns({ 'webhook.test': ['127.0.0.1'] });
    const result = await sendWebhook({ url: `https://webhook.test:${port}/hook`, headers, body, options: { allowLoopback: true, resolve: dns } });

    // The handshake reached the checked address with the merchant's name; the certificate is not
    // from a trusted CA, so verification fails, which shows that it ran.
    expect(requestedNames).toEqual(['webhook.test']);
    expect(result).toMatchObject({ ok: false, errorCode: 'tls' });
    expect(result.errorMessage).toMatch(/self[- ]signed/i);
    expect(dns.calls).toEqual(['webhook.test']);
  });
});

/** A minimal HTTP CONNECT proxy on loopback that records the tunnel targets it is asked for. */
async function startConnectProxy(): Promise<{ url: string; targets: string[]; close: () => Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    return socket;
  };
  const proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    track(client);
    const target = request.url ?? '';
    targets.push(target);
    const separator = target.lastIndexOf(':');
    const upstream = track(connect(Number(target.slice(separator + 1)), target.slice(0, separator), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    }));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    targets,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

describe('sending through a proxy', () => {
  it('checks the destination first and hands the proxy the checked IP, not the name', async () => {
    const target = await startReceiver((_request, response) => response.end('ok'));
    const proxy = await startConnectProxy();
    cleanups.push(target.close, proxy.close);
    const dns = fakeDns({ 'proxied.test': ['127.0.0.1'] });
    const options = { allowLoopback: true, resolve: dns, proxyUrl: proxy.url };

    const result = await sendWebhook({ url: `http://proxied.test:${target.port}/hook`, headers, body, options });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(proxy.targets).toEqual([`127.0.0.1:${target.port}`]);
    expect(target.requests[0]?.headers.host).toBe(`proxied.test:${target.port}`);

    const refused = await sendWebhook({ url: 'http://169.254.169.254/latest/meta-data/', headers, body, options });
    expect(refused).toMatchObject({ ok: false, errorCode: 'blocked_address' });
    expect(proxy.targets).toHaveLength(1);
  });
});
