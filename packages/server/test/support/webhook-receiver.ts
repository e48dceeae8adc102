// A merchant's webhook receiver on loopback: records every delivery byte for byte and answers as told.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: { event: string; created_at: string; check: { id: string; step?: string; testing: boolean } };
}

/** Decides the answer to a delivery; the default is 200. Return 'hang' to never answer. */
export type Behaviour = (delivery: Delivery, index: number) => { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'reset';

export interface WebhookReceiver {
  url: string;
  port: number;
  deliveries: Delivery[];
  behaviour: Behaviour;
  /** Deliveries answered 2xx. */
  accepted(): Delivery[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const answered = new WeakMap<Delivery, number>();
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    deliveries: [],
    behaviour: () => ({ status: 200, body: 'ok' }),
    accepted: () => receiver.deliveries.filter((d) => (answered.get(d) ?? 0) >= 200 && (answered.get(d) ?? 0) < 300),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      let body: Delivery['body'];
      try {
        body = JSON.parse(raw.toString('utf8')) as Delivery['body'];
      } catch {
        body = { event: 'unparseable', created_at: '', check: { id: '', testing: false } };
      }
      const delivery: Delivery = { headers: request.headers, raw, body };
      const index = receiver.deliveries.push(delivery) - 1;
      const answer = receiver.behaviour(delivery, index);
      if (answer === 'hang') return;
      if (answer === 'reset') return void request.socket.destroy();
      answered.set(delivery, answer.status);
      response.writeHead(answer.status, answer.headers ?? {});
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks`;
  return receiver;
}

/** Polls until `condition` holds (bounded: it fails after `timeoutMs`); not a timing assertion. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
