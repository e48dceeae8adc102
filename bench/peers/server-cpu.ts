// CPU time of the servers a pipeline uses, from /proc/<pid>/stat: the PostgreSQL backends serving the
// pipeline's connections (found by application_name) with the server's own background processes, or
// redis-server. Backends come and go with pools, so they are sampled through the run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { Redis } from 'ioredis';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU seconds of a process (all its threads) so far, or undefined once it is gone. */
export function processCpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface CpuMeter {
  start(): Promise<void>;
  /** CPU seconds the measured processes used since start(). */
  stop(): Promise<number>;
  close(): Promise<void>;
}

/** Samples a changing set of processes every `everyMs`; a process first seen after start() counts from zero. */
function sampledMeter(listPids: () => Promise<number[]>, close: () => Promise<void>, everyMs = 200): CpuMeter {
  let seen = new Map<number, { first: number; last: number }>();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  const sample = async (): Promise<void> => {
    for (const pid of await listPids()) {
      const cpu = processCpuSeconds(pid);
      if (cpu === undefined) continue;
      const known = seen.get(pid);
      if (known) known.last = cpu;
      else seen.set(pid, { first: started ? 0 : cpu, last: cpu });
    }
  };
  return {
    async start() {
      seen = new Map();
      started = false;
      await sample();
      started = true;
      timer = setInterval(() => void sample().catch(() => undefined), everyMs);
    },
    async stop() {
      clearInterval(timer);
      await sample();
      return [...seen.values()].reduce((sum, { first, last }) => sum + (last - first), 0);
    },
    close,
  };
}

const BACKGROUND = ['checkpointer', 'background writer', 'walwriter', 'autovacuum launcher', 'autovacuum worker', 'logical replication launcher'];

/** The backends whose application_name is `appName`, the server's background processes and the postmaster. */
export async function postgresCpuMeter(url: string, appName: string): Promise<CpuMeter> {
  const client = new pg.Client({ connectionString: url, application_name: 'realid-peers-bench-meter' });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = Number(readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  const list = async (): Promise<number[]> => {
    const result = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 OR backend_type = ANY($2)', [appName, BACKGROUND]);
    return [postmaster, ...result.rows.map((row) => row.pid)];
  };
  return sampledMeter(list, () => client.end());
}

export async function redisCpuMeter(url: string): Promise<CpuMeter> {
  const redis = new Redis(url);
  const info = await redis.info('server');
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  return sampledMeter(async () => [pid], async () => void (await redis.quit()));
}

export function noServer(): CpuMeter {
  return { start: async () => undefined, stop: async () => 0, close: async () => undefined };
}
