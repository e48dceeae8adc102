// Create-check throughput over real HTTP with durable commits (SQLite, fsync per commit), against the same
// HTTP stack answering a trivial route in the same run: the ratio is what the check pipeline costs.
import type { AddressInfo } from 'node:net';
import { createApp } from '../packages/server/src/http/create-app.ts';
import { median } from './median.ts';
import { postLoop } from './post-loop.ts';
import { startBenchService } from './bench-service.ts';
import type { BenchRow } from './run.ts';

const N = Number(process.env.BENCH_CHECKS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 16;
const BODY = JSON.stringify({ customer: { email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe' }, order: { name: '#1001' } });

const hammer = (url: string, key: string): Promise<number> =>
  postLoop(url, N, CONCURRENCY, BODY, () => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` }), 201);

export default async function run(): Promise<BenchRow[]> {
  const b = await startBenchService();
  const app = await createApp(b.s);
  app.post('/bench/trivial', async (_request, reply) => reply.status(201).send({ message: 'ok' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const trivial: number[] = [];
  const checks: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    trivial.push(await hammer(`${origin}/bench/trivial`, b.testKey));
    checks.push(await hammer(`${origin}/api/v1/checks`, b.testKey));
  }
  await app.close();
  await b.close();
  return [
    { name: 'trivial POST route, same server', value: median(trivial), unit: 'req/s', note: `median of ${ROUNDS}, ${N} requests, ${CONCURRENCY} in flight` },
    { name: 'POST /api/v1/checks (auth, validation, commit + outbox)', value: median(checks), unit: 'checks/s' },
    { name: 'ratio: create check / trivial route', value: median(checks) / median(trivial), unit: '×' },
  ];
}
