// Slow clients cannot lock others out: late headers and late bodies are cut off, idle keep-alive connections
// close, and connections past the limit are closed as they arrive. Raw sockets on loopback, bounded in number.
// The limits belong to the HTTP server, not the database, so SQLite alone is enough here.
import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './support/test-service.ts';
import { waitFor } from './support/webhook-receiver.ts';

interface RawClient {
  socket: Socket;
  /** Everything the server sent. */
  received(): string;
  closed(): boolean;
}

/** A connection that sends `first`, then `drip` every 100 ms, so it is never idle yet never finishes its request. */
async function rawClient(port: number, first: string, drip = ''): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  let data = '';
  let closed = false;
  socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const timer = drip ? setInterval(() => socket.writable && socket.write(drip), 100) : undefined;
  socket.on('close', () => {
    closed = true;
    clearInterval(timer);
  });
  await new Promise((resolve) => socket.once('connect', resolve));
  if (first) socket.write(first);
  return { socket, received: () => data, closed: () => closed };
}

const slowHeaders = (port: number) => rawClient(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n');

/** A normal client on a connection of its own (no keep-alive pool that would hold one open afterwards). */
function healthz(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

const connections = (t: TestService): Promise<number> =>
  new Promise((resolve, reject) => t.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

const timedOut = (client: RawClient) => {
  const [head = '', body = ''] = client.received().split('\r\n\r\n');
  return head.startsWith('HTTP/1.1 408') && /\r\nX-Request-Id: [0-9a-f-]{36}\r\n/.test(head) && JSON.parse(body).error.code === 'request_timeout';
};

describe('slow clients cannot lock others out', () => {
  describe('timeouts', () => {
    let t: TestService;
    beforeAll(async () => {
      t = await startTestService('sqlite', {
        config: (c) => Object.assign(c.http, { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300 }),
      });
    });
    afterAll(() => t.close());
    const port = () => Number(new URL(t.url).port);

    it('cuts off clients whose headers do not arrive in time, with a 408 in the API’s error shape', async () => {
      const clients = await Promise.all(Array.from({ length: 30 }, () => slowHeaders(port())));
      const silent = await rawClient(port(), '');
      await waitFor(() => [...clients, silent].every((c) => c.closed()), 'every slow client to be cut off');
      expect(clients.every(timedOut)).toBe(true);
      expect(await healthz(port())).toBe(200);
    });

    it('cuts off a request whose body does not arrive in time', async () => {
      const head = 'POST /api/v1/checks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{';
      const client = await rawClient(port(), head, ' ');
      await waitFor(() => client.closed(), 'the slow body to be cut off');
      expect(timedOut(client)).toBe(true);
    });

    it('closes an idle keep-alive connection', async () => {
      const client = await rawClient(port(), 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await waitFor(() => client.closed(), 'the idle connection to be closed');
      expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  describe('connection limit', () => {
    let t: TestService;
    beforeAll(async () => {
      // Timeouts far beyond the test, so the slow clients stay for as long as the test holds them.
      t = await startTestService('sqlite', {
        config: (c) => Object.assign(c.http, { headersTimeoutMs: 60_000, requestTimeoutMs: 60_000, maxConnections: 20 }),
      });
    });
    afterAll(() => t.close());
    const port = () => Number(new URL(t.url).port);

    it('serves a normal client while slow clients hold connections, and closes connections past the limit at once', async () => {
      const held = await Promise.all(Array.from({ length: 19 }, () => slowHeaders(port())));
      await waitFor(async () => (await connections(t)) === 19, 'the server to hold 19 connections');
      expect(await healthz(port())).toBe(200);
      expect(held.some((c) => c.closed())).toBe(false);

      held.push(await slowHeaders(port()));
      await waitFor(async () => (await connections(t)) === 20, 'the server to hold 20 connections');
      const extra = await rawClient(port(), 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await waitFor(() => extra.closed(), 'the connection past the limit to be closed');
      expect(extra.received()).toBe('');
      expect(held.some((c) => c.closed())).toBe(false);

      for (const client of held) client.socket.destroy();
      await waitFor(async () => (await connections(t)) === 0, 'the held connections to be gone');
      expect(await healthz(port())).toBe(200);
    });
  });
});
