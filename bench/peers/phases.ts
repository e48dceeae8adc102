// The three measurements of the peers bench, each against a fresh process of one pipeline and the bench's
// receiver (in the bench's own process, so its work is nobody's pipeline CPU): latency at a steady rate and a
// burst with its CPU cost (one process, in that order), and the drain of a backlog after an outage.
import { verifySignature } from '@realid/webhooks';
import { percentile } from '../median.ts';
import { startBenchReceiver, type BenchReceiver } from '../receiver.ts';
import { CHECK_STEPS, monoMs, type PipelineEnv } from './pipeline.ts';
import { startPipelineProcess } from './pipeline-process.ts';
import { PIPELINES, type PipelineName } from './pipelines.ts';
import { noServer, postgresCpuMeter, redisCpuMeter, type CpuMeter } from './server-cpu.ts';

export interface PeersSettings {
  events: number;
  perCommit: number;
  rate: number;
  seconds: number;
  drainEvents: number;
  outageMs: number;
  drainTimeoutMs: number;
  base: Omit<PipelineEnv, 'receiverUrl' | 'tag'>;
}

export interface RoundResult {
  burst: number;
  cpuPer1000: number;
  serverCpuPer1000: number;
  p50: number;
  p99: number;
  badSignatures: number;
}

export interface DrainResult {
  seconds: number;
  /** Attempts the receiver answered 503 during the outage. */
  refused: number;
  lost: number;
  outOfOrder: number;
  duplicates: number;
  badSignatures: number;
}

/** A receiver on the shared monotonic clock that verifies 1 in 64 signatures once it knows the secret. */
async function signedReceiver(keepBodies: boolean): Promise<{ receiver: BenchReceiver; secret: { value: string }; bad: () => number }> {
  const secret = { value: '' };
  let bad = 0;
  const receiver = await startBenchReceiver({
    now: monoMs,
    keepBodies,
    sample: { every: 64, check: (headers, body) => void (secret.value && verifySignature(body, headers, secret.value).catch(() => bad++)) },
  });
  return { receiver, secret, bad: () => bad };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = monoMs() + timeoutMs;
  while (!condition()) {
    if (monoMs() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

function meterFor(name: PipelineName, s: PeersSettings, tag: string): Promise<CpuMeter> {
  const server = PIPELINES[name].server;
  if (server === 'postgres') return postgresCpuMeter(s.base.pgUrl, tag);
  if (server === 'redis') return redisCpuMeter(s.base.redisUrl);
  return Promise.resolve(noServer());
}

const lastArrival = (receiver: BenchReceiver): number => [...receiver.arrivals.values()].reduce((last, times) => Math.max(last, times[0]!), 0);

export async function measureRound(name: PipelineName, s: PeersSettings, tag: string): Promise<RoundResult> {
  const { receiver, secret, bad } = await signedReceiver(false);
  const meter = await meterFor(name, s, tag);
  const proc = await startPipelineProcess(name, { ...s.base, receiverUrl: receiver.url, tag });
  secret.value = proc.secret;
  try {
    const commits = await proc.call<Array<[string, number]>>({ cmd: 'latency', rate: s.rate, seconds: s.seconds });
    if (!(await waitFor(() => commits.every(([id]) => receiver.arrivals.has(id)), 60_000))) throw new Error(`${name}: latency run not delivered in 60 s`);
    const latencies = commits.map(([id, at]) => receiver.arrivals.get(id)![0]! - at);

    receiver.arrivals.clear();
    const cpuBefore = await proc.call<number>({ cmd: 'cpu' });
    await meter.start();
    const { startedAt } = await proc.call<{ startedAt: number }>({ cmd: 'burst', events: s.events, perCommit: s.perCommit });
    if (!(await waitFor(() => receiver.arrivals.size >= s.events, 600_000))) throw new Error(`${name}: burst not delivered in 600 s`);
    const cpu = (await proc.call<number>({ cmd: 'cpu' })) - cpuBefore;
    const serverCpu = await meter.stop();
    return {
      burst: s.events / ((lastArrival(receiver) - startedAt) / 1000),
      cpuPer1000: ((cpu + serverCpu) * 1000) / s.events,
      serverCpuPer1000: (serverCpu * 1000) / s.events,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      badSignatures: bad(),
    };
  } finally {
    await proc.stop();
    await meter.close();
    await receiver.close();
  }
}

/** The receiver answers 503 while `outageMs` passes from the first event; then: how long until it has every event? */
export async function measureDrain(name: PipelineName, s: PeersSettings, tag: string): Promise<DrainResult> {
  const { receiver, secret, bad } = await signedReceiver(true);
  receiver.down = true;
  const proc = await startPipelineProcess(name, { ...s.base, receiverUrl: receiver.url, tag });
  secret.value = proc.secret;
  try {
    const downAt = monoMs();
    const produced = await proc.call<number>({ cmd: 'backlog', checks: Math.round(s.drainEvents / CHECK_STEPS.length), perCommit: s.perCommit });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, downAt + s.outageMs - monoMs())));
    receiver.down = false;
    const upAt = monoMs();
    const complete = await waitFor(() => receiver.arrivals.size >= produced, s.drainTimeoutMs);
    return {
      seconds: complete ? (lastArrival(receiver) - upAt) / 1000 : Number.NaN,
      refused: receiver.refused,
      lost: produced - receiver.arrivals.size,
      outOfOrder: checksOutOfOrder(receiver.bodies),
      duplicates: receiver.count - receiver.arrivals.size,
      badSignatures: bad(),
    };
  } finally {
    await proc.stop();
    await receiver.close();
  }
}

/** Checks whose events first arrived in another order than their steps (bodies are in first-arrival order). */
function checksOutOfOrder(bodies: Map<string, string>): number {
  const reached = new Map<string, number>();
  const broken = new Set<string>();
  for (const body of bodies.values()) {
    const event = JSON.parse(body) as { event: (typeof CHECK_STEPS)[number]; check: { id: string } };
    const step = CHECK_STEPS.indexOf(event.event);
    if (step < (reached.get(event.check.id) ?? -1)) broken.add(event.check.id);
    reached.set(event.check.id, Math.max(step, reached.get(event.check.id) ?? -1));
  }
  return broken.size;
}
