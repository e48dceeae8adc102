// Shared test data: the committed vectors, sample events, and a loopback-server helper that always closes.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RealIdEvent } from '../src/index.ts';

export interface Vector {
  name: string;
  secrets: string[];
  id: string;
  timestamp: number;
  body: string;
  expected: { 'X-Real-ID-Signature': string; 'webhook-signature': string };
}

export const vectors = JSON.parse(
  readFileSync(new URL('../../../docs/webhook-test-vectors.json', import.meta.url), 'utf8'),
) as Vector[];

export const SECRET = 'whsec_dfAV7w8VzpKGF7UP5gQuIb7QWzmK3KzZCD25AC6N+2Y=';
export const NEWER_SECRET = 'whsec_+qFq/PJLtCPfzwCEO5S8HZM1IB3agUpdEEUQ2NP7dpk=';

export const completed: RealIdEvent = {
  event: 'check.completed',
  created_at: '2022-12-09T15:20:35.136Z',
  check: { id: '7TWFOC-auPI', step: 'completed', testing: true },
};

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export const atSecond = (seconds: number) => (): Date => new Date(seconds * 1000);

/** Listens on 127.0.0.1:0 and returns the base URL plus a close that also drops keep-alive sockets. */
export async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}
