// Real HTTP receivers on 127.0.0.1 for the outbound tests; each records what reached it.

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly remoteAddress: string | undefined;
  readonly remotePort: number | undefined;
}

export interface Receiver {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const listen = async (server: Server | TcpServer, host: string): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
};

const closeServer = (server: Server | TcpServer): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

/** An HTTP server that records each request (after reading its body) and then calls `handler`. */
export async function startReceiver(handler: Handler, host = '127.0.0.1'): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remoteAddress: request.socket.remoteAddress,
        remotePort: request.socket.remotePort,
      });
      handler(request, response);
    });
  });
  const port = await listen(server, host);
  return {
    port,
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    requests,
    close: async () => {
      // Hung requests (the timeout tests) would otherwise keep close() waiting forever.
      server.closeAllConnections();
      await closeServer(server);
    },
  };
}

export interface TcpReceiver {
  readonly port: number;
  readonly connections: number;
  close(): Promise<void>;
}

/** A raw TCP listener that applies `onSocket` to every connection (silence, reset, …). */
export async function startTcpReceiver(onSocket: (socket: Socket) => void): Promise<TcpReceiver> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  const port = await listen(server, '127.0.0.1');
  return {
    port,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}

/** A port that was just free: bind, note the port, close. Nothing listens there afterwards. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server, '127.0.0.1');
  await closeServer(server);
  return port;
}

const NETWORK_RESOURCES = new Set(['TCPSocketWrap', 'TCPServerWrap', 'TCPWrap', 'ConnectWrap', 'TLSWrap']);

/**
 * Fails when sockets or listeners outlive the tests. Closing is asynchronous, so it polls briefly
 * before giving up.
 */
export async function expectNoOpenSockets(): Promise<void> {
  let open: string[] = [];
  for (let tries = 0; tries < 50; tries++) {
    open = process.getActiveResourcesInfo().filter((resource) => NETWORK_RESOURCES.has(resource));
    if (open.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`sockets left open after the tests: ${open.join(', ')}`);
}
