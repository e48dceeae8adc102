// realid against the job queues a Node team would otherwise pick for webhooks (issue 18): graphile-worker,
// pg-boss (PostgreSQL) and BullMQ (Redis), each doing realid's job (enqueue in the producer's transaction,
// sign, POST, retry), with realid on SQLite and PostgreSQL and the bare signed undici loop beside them.
// Each pipeline runs in a process of its own; rounds alternate the order; figures are medians of rounds.
// Needs the machine's PostgreSQL and Redis (BENCH_PEERS_PG_URL, BENCH_PEERS_REDIS_URL); docs/BENCHMARKS.md
// has the full-size command and the knobs.
import { loadavg } from 'node:os';
import pg from 'pg';
import { Redis } from 'ioredis';
import { median } from './median.ts';
import { measureDrain, measureRound, type DrainResult, type PeersSettings, type RoundResult } from './peers/phases.ts';
import { PIPELINE_NAMES, PIPELINES, type PipelineName } from './peers/pipelines.ts';
import { fmt, formatTable } from './peers/table.ts';
import type { BenchRow } from './run.ts';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

function settings(): PeersSettings & { rounds: number; drainRounds: number } {
  const outageMs = num('BENCH_PEERS_OUTAGE_S', 30) * 1000;
  const retryDelayMs = num('BENCH_PEERS_RETRY_MS', 1000);
  const rounds = num('BENCH_PEERS_ROUNDS', 3);
  return {
    rounds,
    drainRounds: num('BENCH_PEERS_DRAIN_ROUNDS', rounds),
    events: num('BENCH_PEERS_EVENTS', 20_000),
    perCommit: 100,
    rate: num('BENCH_PEERS_RATE', 500),
    seconds: num('BENCH_PEERS_SECONDS', 5),
    drainEvents: num('BENCH_PEERS_DRAIN_EVENTS', 10_000),
    outageMs,
    drainTimeoutMs: num('BENCH_PEERS_DRAIN_TIMEOUT_S', 300) * 1000,
    base: {
      pgUrl: process.env.BENCH_PEERS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      redisUrl: process.env.BENCH_PEERS_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
      concurrency: 64,
      retryDelayMs,
      // Enough attempts to outlast the outage twice over.
      maxAttempts: Math.max(25, 2 * Math.ceil(outageMs / retryDelayMs) + 5),
    },
  };
}

async function serversUp(s: PeersSettings): Promise<string> {
  const client = new pg.Client({ connectionString: s.base.pgUrl });
  await client.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL at ${s.base.pgUrl} is needed (BENCH_PEERS_PG_URL): ${error.message}`);
  });
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await client.end();
  const redis = new Redis(s.base.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect().catch((error: Error) => {
    throw new Error(`Redis at ${s.base.redisUrl} is needed (BENCH_PEERS_REDIS_URL): ${error.message}`);
  });
  const info = await redis.info('server');
  const aof = (await redis.config('GET', 'appendonly')) as string[];
  await redis.quit();
  return `PostgreSQL ${version}, Redis ${/redis_version:(\S+)/.exec(info)?.[1]} (appendonly ${aof[1]})`;
}

const load = (): number => loadavg()[0]!;

export default async function run(): Promise<BenchRow[]> {
  const s = settings();
  const only = process.env.BENCH_PEERS_ONLY?.split(',').map((name) => name.trim());
  const names = PIPELINE_NAMES.filter((name) => !only || only.includes(name));
  console.log(`${await serversUp(s)}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const rounds = new Map<PipelineName, RoundResult[]>(names.map((name) => [name, []]));
  const drains = new Map<PipelineName, DrainResult[]>(names.map((name) => [name, []]));
  const loads: number[] = [];
  const tag = (kind: string, r: number, name: PipelineName): string => `peers_${process.pid}_${kind}${r}_${name.replace(/-/g, '_')}`;
  for (let r = 0; r < s.rounds; r++) {
    for (const name of r % 2 === 0 ? names : [...names].reverse()) {
      loads.push(load());
      const result = await measureRound(name, s, tag('r', r, name));
      rounds.get(name)!.push(result);
      console.log(`round ${r + 1} ${name}: ${fmt(result.burst)} events/s, p50 ${fmt(result.p50)} / p99 ${fmt(result.p99)} ms, ${fmt(result.cpuPer1000)} CPU s per 1,000 (load ${load().toFixed(2)})`);
    }
  }
  const draining = names.filter((name) => name !== 'bare');
  for (let r = 0; r < s.drainRounds; r++) {
    for (const name of r % 2 === 0 ? draining : [...draining].reverse()) {
      loads.push(load());
      const result = await measureDrain(name, s, tag('d', r, name));
      drains.get(name)!.push(result);
      console.log(`drain ${r + 1} ${name}: ${fmt(result.seconds)} s, lost ${result.lost}, out of order ${result.outOfOrder} checks, duplicates ${result.duplicates}, ${result.refused} attempts during the outage (load ${load().toFixed(2)})`);
    }
  }

  const bare = rounds.get('bare');
  const ratio = (results: RoundResult[]): number => (bare?.length ? median(results.map((x, i) => x.burst / bare[i]!.burst)) : Number.NaN);
  const med = (values: number[]): number => (values.length ? median(values) : Number.NaN);
  const table = names.map((name) => {
    const rs = rounds.get(name)!;
    const ds = drains.get(name)!;
    return [
      PIPELINES[name].label,
      fmt(med(rs.map((x) => x.burst))),
      fmt(ratio(rs), 2),
      `${fmt(med(rs.map((x) => x.p50)))} / ${fmt(med(rs.map((x) => x.p99)))}`,
      ds.length ? `${fmt(med(ds.map((x) => x.seconds)))} s` : '—',
      ds.length ? fmt(med(ds.map((x) => x.refused))) : '—',
      ds.length ? `${sum(ds, 'lost')} / ${sum(ds, 'outOfOrder')} / ${sum(ds, 'duplicates')}` : '—',
      `${fmt(med(rs.map((x) => x.cpuPer1000)))} (${fmt(med(rs.map((x) => x.serverCpuPer1000)))})`,
      String(rs.reduce((n, x) => n + x.badSignatures, 0) + ds.reduce((n, x) => n + x.badSignatures, 0)),
    ];
  });
  console.log(
    `\n${s.rounds} rounds of ${s.events.toLocaleString('en-US')}-event bursts (${s.perCommit} per commit) and ${s.rate} events/s for ${s.seconds} s; ` +
      `${s.drainRounds} drains of ${s.drainEvents.toLocaleString('en-US')} events (${s.drainEvents / 4} checks × 4) after ${s.outageMs / 1000} s of 503s, retries every ${s.base.retryDelayMs} ms; ` +
      `1-minute load average ${fmt(Math.min(...loads), 2)}–${fmt(Math.max(...loads), 2)} (median ${fmt(med(loads), 2)})\n`,
  );
  console.log(
    formatTable(
      ['pipeline', 'burst, events/s', '× bare', 'p50 / p99 at 500/s, ms', 'drain', 'attempts during the outage', 'lost / out-of-order checks / duplicates', 'CPU s per 1,000 (server)', 'bad signatures'],
      table,
    ),
  );
  const rows = targets(rounds, drains);
  console.log(`\n${formatTable(['target (issue 18)', 'measured', 'met'], rows.map((row) => [row.name, row.note ?? '', row.value ? 'yes' : 'no']))}`);
  // Everything is in the tables above; run.ts prints nothing more.
  return [];
}

/**
 * The targets. Throughput is compared round by round (each round measures every pipeline within
 * minutes), then the median of those ratios; latency, CPU and drain as medians of the rounds.
 */
function targets(rounds: Map<PipelineName, RoundResult[]>, drains: Map<PipelineName, DrainResult[]>): BenchRow[] {
  const peers = (['graphile-worker', 'pg-boss', 'bullmq'] as const).filter((name) => rounds.get(name)?.length);
  const rows: BenchRow[] = [];
  const med = (values: number[]): number => (values.length ? median(values) : Number.NaN);
  const of = (name: PipelineName, pick: (x: RoundResult) => number): number => med((rounds.get(name) ?? []).map(pick));
  const drainOf = (name: PipelineName): number => med((drains.get(name) ?? []).map((x) => x.seconds));
  const burstRatio = (name: PipelineName, over: (round: number) => number): number => med((rounds.get(name) ?? []).map((x, i) => x.burst / over(i)));
  const add = (name: string, value: number, bar: number, note: string, higherIsBetter = true): void => {
    if (!Number.isNaN(value)) rows.push({ name, value: (higherIsBetter ? value >= bar : value <= bar) ? 1 : 0, unit: '', note });
  };
  const fastestPeerIn = (i: number): number => Math.max(...peers.map((peer) => rounds.get(peer)![i]?.burst ?? 0));
  const bestPeerP99 = Math.min(...peers.map((peer) => of(peer, (x) => x.p99)));
  if (rounds.get('realid-sqlite')?.length && peers.length) {
    const ratio = burstRatio('realid-sqlite', fastestPeerIn);
    add('SQLite: burst ≥ 2× the fastest peer', ratio, 2, `${fmt(ratio, 2)}× (median of the rounds' ratios to that round's fastest peer)`);
    add('SQLite: p99 at 500/s ≤ the best peer\'s', of('realid-sqlite', (x) => x.p99), bestPeerP99, `${fmt(of('realid-sqlite', (x) => x.p99))} ms against ${fmt(bestPeerP99)} ms`, false);
  }
  for (const peer of ['graphile-worker', 'pg-boss'] as const) {
    if (!rounds.get('realid-postgres')?.length || !rounds.get(peer)?.length) continue;
    const ratio = burstRatio('realid-postgres', (i) => rounds.get(peer)![i]!.burst);
    add(`PostgreSQL: burst ≥ 1.2× ${peer}`, ratio, 1.2, `${fmt(ratio, 2)}×`);
    add(`PostgreSQL: p99 ≤ ${peer}'s`, of('realid-postgres', (x) => x.p99), of(peer, (x) => x.p99), `${fmt(of('realid-postgres', (x) => x.p99))} ms against ${fmt(of(peer, (x) => x.p99))} ms`, false);
    add(`PostgreSQL: CPU per 1,000 ≤ ${peer}'s`, of('realid-postgres', (x) => x.cpuPer1000), of(peer, (x) => x.cpuPer1000), `${fmt(of('realid-postgres', (x) => x.cpuPer1000))} s against ${fmt(of(peer, (x) => x.cpuPer1000))} s`, false);
  }
  const fastestDrain = Math.min(...peers.map(drainOf).filter((x) => !Number.isNaN(x)));
  for (const name of ['realid-sqlite', 'realid-postgres'] as const) {
    const ds = drains.get(name) ?? [];
    if (!ds.length || !Number.isFinite(fastestDrain)) continue;
    const faults = ds.reduce((n, x) => n + x.lost + x.outOfOrder, 0);
    add(`${PIPELINES[name].label}: drain ≤ the fastest peer's, none lost or out of order`, faults === 0 ? drainOf(name) : Number.POSITIVE_INFINITY, fastestDrain, `${fmt(drainOf(name))} s against ${fmt(fastestDrain)} s; ${faults} lost or out of order`, false);
  }
  return rows;
}

function sum(results: DrainResult[], key: 'lost' | 'outOfOrder' | 'duplicates'): number {
  return results.reduce((n, x) => n + x[key], 0);
}
