// One pipeline in a process of its own: starts it (PEERS_PIPELINE, PEERS_ENV) and runs what the bench asks over
// IPC: a steady rate (latency), a burst (throughput), a backlog of checks (drain), its own CPU time.
import { randomBytes } from 'node:crypto';
import { PIPELINES, type PipelineName } from './pipelines.ts';
import { CHECK_STEPS, monoMs, type EventSpec, type Pipeline, type PipelineEnv } from './pipeline.ts';

export type Command =
  | { cmd: 'latency'; rate: number; seconds: number }
  | { cmd: 'burst'; events: number; perCommit: number }
  | { cmd: 'backlog'; checks: number; perCommit: number }
  | { cmd: 'cpu' }
  | { cmd: 'stop' };

export interface Reply {
  seq: number;
  result?: unknown;
  error?: string;
}

const run = randomBytes(3).toString('hex');
let checks = 0;
/** Each check id is new to the receiver: realid orders per check, and a reused id would chain unrelated events. */
const newCheck = (): string => `P${run}-${checks++}`;

async function steady(pipeline: Pipeline, rate: number, seconds: number): Promise<Array<[string, number]>> {
  const commits: Array<[string, number]> = [];
  const inFlight = new Set<Promise<void>>();
  const total = rate * seconds;
  const t0 = monoMs();
  // Events come on schedule like independent API requests: each commits on its own (at most 64 at once).
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - monoMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= 64) await Promise.race(inFlight);
    const commit = pipeline.commit([{ checkId: newCheck(), type: 'check.completed' }]).then((ids) => {
      const at = monoMs();
      for (const id of ids) commits.push([id, at]);
    });
    const tracked = commit.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return commits;
}

async function inCommits(pipeline: Pipeline, events: EventSpec[], perCommit: number): Promise<number> {
  let ids = 0;
  for (let i = 0; i < events.length; i += perCommit) ids += (await pipeline.commit(events.slice(i, i + perCommit))).length;
  return ids;
}

async function handle(pipeline: Pipeline, command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'latency':
      // A second of the same traffic first, not measured: JIT, connections, caches.
      await steady(pipeline, command.rate, 1);
      return steady(pipeline, command.rate, command.seconds);
    case 'burst': {
      const events = Array.from({ length: command.events }, (): EventSpec => ({ checkId: newCheck(), type: 'check.completed' }));
      const startedAt = monoMs();
      if (pipeline.burst) await pipeline.burst(events);
      else await inCommits(pipeline, events, command.perCommit);
      return { startedAt, committedAt: monoMs() };
    }
    case 'backlog': {
      // A check's events in one commit, in order; `perCommit` rounded down to whole checks.
      const events = Array.from({ length: command.checks }, newCheck).flatMap((checkId) => CHECK_STEPS.map((type): EventSpec => ({ checkId, type })));
      const perCommit = Math.max(CHECK_STEPS.length, command.perCommit - (command.perCommit % CHECK_STEPS.length));
      return inCommits(pipeline, events, perCommit);
    }
    case 'cpu': {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1e6;
    }
    case 'stop':
      await pipeline.close();
      return null;
  }
}

const name = process.env.PEERS_PIPELINE as PipelineName;
const env = JSON.parse(process.env.PEERS_ENV ?? '{}') as PipelineEnv;
const pipeline = await (await PIPELINES[name].load())(env);
process.on('message', (message: { seq: number; command: Command }) => {
  handle(pipeline, message.command).then(
    (result) => {
      // After `stop`, whatever a library left behind must not keep the process alive.
      const stopping = message.command.cmd === 'stop';
      process.send!({ seq: message.seq, result } satisfies Reply, () => stopping && process.exit(0));
    },
    (error: unknown) => process.send!({ seq: message.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply),
  );
});
// A bench that died must not leave its pipeline running (and its CPU in the next run's figures).
process.on('disconnect', () => {
  setTimeout(() => process.exit(1), 10_000).unref();
  void pipeline.close().finally(() => process.exit(1));
});
process.send!({ seq: 0, result: { secret: pipeline.secret } } satisfies Reply);
