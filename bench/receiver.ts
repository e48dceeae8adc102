// A local webhook receiver for the benches: notes when each delivery (by webhook-id) arrived.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';

export interface BenchReceiver {
  url: string;
  count: number;
  /** Arrival times per webhook-id (one per endpoint the event went to). */
  arrivals: Map<string, number[]>;
  /** While true, every request is answered 503 and not noted: the receiver is down. */
  down: boolean;
  /** Requests answered 503 while down. */
  refused: number;
  /** With `keepBodies`, the body of each webhook-id's first arrival, in arrival order. */
  bodies: Map<string, string>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** The clock arrivals are noted with; `performance.now` unless another process's times are compared. */
  now?: () => number;
  /** Keep each delivery's first body (to check per-check order afterwards). */
  keepBodies?: boolean;
  /** Called with a sample of the requests (1 in `every`), e.g. to verify their signatures. */
  sample?: { every: number; check(headers: IncomingMessage['headers'], body: string): void };
}

export async function startBenchReceiver(options: ReceiverOptions = {}): Promise<BenchReceiver> {
  const now = options.now ?? (() => performance.now());
  const receiver: BenchReceiver = { url: '', count: 0, arrivals: new Map(), down: false, refused: 0, bodies: new Map(), close: async () => undefined };
  const readsBody = options.keepBodies === true || options.sample !== undefined;
  let seen = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    if (readsBody) req.on('data', (chunk: Buffer) => chunks.push(chunk));
    else req.resume();
    req.on('end', () => {
      if (receiver.down) {
        receiver.refused++;
        res.writeHead(503, { 'content-length': '0' });
        res.end();
        return;
      }
      const at = now();
      const id = req.headers['webhook-id'];
      if (typeof id === 'string') {
        const list = receiver.arrivals.get(id);
        if (list) list.push(at);
        else {
          receiver.arrivals.set(id, [at]);
          if (options.keepBodies) receiver.bodies.set(id, Buffer.concat(chunks).toString());
        }
      }
      if (options.sample && seen++ % options.sample.every === 0) options.sample.check(req.headers, Buffer.concat(chunks).toString());
      receiver.count++;
      res.writeHead(200, { 'content-length': '0' });
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/** Accepts connections and never answers: a black-holed endpoint. */
export async function startBlackHole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('bench timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
