// A million deliveries scheduled for later must cost flat memory and not slow the claiming of due ones:
// claim latency with 200 due deliveries, before and after adding 1,000,000 future ones, same process.
import { buildEvent } from '../packages/server/src/events/event-types.ts';
import { newId } from '../packages/server/src/ids.ts';
import { median } from './median.ts';
import { startBenchService } from './bench-service.ts';
import type { BenchRow } from './run.ts';

const FUTURE = Number(process.env.BENCH_SCHEDULED ?? 1_000_000);
const DUE = 200;

export default async function run(): Promise<BenchRow[]> {
  const b = await startBenchService();
  const { driver, events } = b.s.store;
  const endpointId = await b.addEndpoint('http://127.0.0.1:9/never-called');
  const now = Date.now();
  const check = { id: 'SCHED0-0001', accountId: b.accountId, testing: true };
  const event = await driver.transaction((tx) => events.insertEvent(tx, check, buildEvent('check.completed', check, now)));
  const insert = async (count: number, at: number, prefix: string) => {
    for (let i = 0; i < count; i += 2000) {
      const n = Math.min(2000, count - i);
      await driver.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO deliveries (id, account_id, endpoint_id, event_id, event_seq, check_id, event_type, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES ${Array.from({ length: n }, () => "(?, ?, ?, ?, ?, ?, 'check.completed', 'pending', 0, ?, ?, ?)").join(', ')}`,
          Array.from({ length: n }, (_, j) => [newId('dlv'), b.accountId, endpointId, event.id, event.seq, `${prefix}${i + j}`, at, now, now]).flat(),
        );
      });
    }
  };
  const claimLatency = async () => {
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      const claimed = await b.s.store.deliveries.claim({ workerId: 'bench', now: Date.now(), leaseMs: 30_000, limit: 100 });
      samples.push(performance.now() - t);
      if (claimed.length !== 100) throw new Error(`claimed ${claimed.length}`);
      await b.s.store.deliveries.release('bench', claimed.map((d) => d.id), Date.now());
    }
    return median(samples);
  };
  const heapMb = () => {
    // `npm run bench` runs with --expose-gc, so the figure is what stays alive, not garbage not yet collected.
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };

  await insert(DUE, now - 1000, 'DUE');
  const before = await claimLatency();
  const heapBefore = heapMb();
  const started = performance.now();
  await insert(FUTURE, now + 24 * 3600_000, 'LATER');
  const insertSeconds = (performance.now() - started) / 1000;
  const after = await claimLatency();
  const heapAfter = heapMb();
  await b.close();
  return [
    { name: `claim 100 of ${DUE} due, empty schedule (median of 50)`, value: before, unit: 'ms' },
    { name: `claim 100 of ${DUE} due, ${FUTURE.toLocaleString('en')} scheduled later`, value: after, unit: 'ms', note: `inserted in ${insertSeconds.toFixed(1)} s` },
    { name: 'ratio: with / without the scheduled backlog', value: after / before, unit: '×' },
    { name: 'JS heap growth across the backlog', value: heapAfter - heapBefore, unit: 'MiB', note: 'the queue lives in the database' },
  ];
}
