// The analysis pool with real worker threads: bounded size, models loaded once per thread, timeouts, crashes
// and out-of-memory threads replaced with their task failed, and a shutdown that leaves no thread behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisPool, type TaskObserver } from '../../src/analysis/offline/pool/analysis-pool.ts';
import { Metrics } from '../../src/metrics/metrics.ts';
import type { TaskCatalog } from '../../src/analysis/offline/pool/task-definition.ts';
import { OPEN, STARTED } from './pool-tasks/gate-task.ts';
import type { Misbehaviour } from './pool-tasks/misbehave-task.ts';
import { liveThreads } from './live-threads.ts';

type TestTasks = {
  echo: { input: { text: string }; output: { text: string; threadId: number; loads: number } };
  gate: { input: { gate: Int32Array }; output: { threadId: number } };
  misbehave: { input: { how: Misbehaviour }; output: never };
};

const catalog: TaskCatalog<TestTasks> = {
  echo: new URL('./pool-tasks/echo-task.ts', import.meta.url),
  gate: new URL('./pool-tasks/gate-task.ts', import.meta.url),
  misbehave: new URL('./pool-tasks/misbehave-task.ts', import.meta.url),
};

// Node 20 has Atomics.waitAsync; TypeScript's ES2023 library does not declare it yet.
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { value: Promise<string> | string } }).waitAsync;

async function waitUntilStarted(gate: Int32Array, count: number): Promise<void> {
  for (let seen = Atomics.load(gate, STARTED); seen < count; seen = Atomics.load(gate, STARTED)) {
    await waitAsync(gate, STARTED, seen).value;
  }
}

describe('analysis pool', () => {
  let before: number;
  const pools: AnalysisPool<TestTasks>[] = [];
  const pool = (options: ConstructorParameters<typeof AnalysisPool>[1] = {}, observe?: TaskObserver) => {
    const created = new AnalysisPool<TestTasks>(catalog, { size: 2, ...options }, observe);
    pools.push(created);
    return created;
  };

  beforeEach(() => {
    before = liveThreads();
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
    expect(liveThreads()).toBe(before);
  });

  it('runs tasks on at most `size` threads, each loading its kinds once', async () => {
    const p = pool();
    await p.start();
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => p.run('echo', { text: `photo ${i}` })));
    const values = outcomes.map((o) => (o.status === 'done' ? o.value : undefined));
    expect(values.map((v) => v?.text)).toEqual(Array.from({ length: 12 }, (_, i) => `PHOTO ${i}`));
    expect(new Set(values.map((v) => v?.threadId)).size).toBeLessThanOrEqual(2);
    expect(values.every((v) => v?.loads === 1)).toBe(true);
    expect(p.threadCount).toBe(2);
  });

  it('keeps further tasks queued while every thread is busy', async () => {
    const p = pool();
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const tasks = Array.from({ length: 5 }, () => p.run('gate', { gate }));
    await waitUntilStarted(gate, 2);
    expect(p.threadCount).toBe(2);
    expect(Atomics.load(gate, STARTED)).toBe(2);
    Atomics.store(gate, OPEN, 1);
    Atomics.notify(gate, OPEN);
    const outcomes = await Promise.all(tasks);
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(Atomics.load(gate, STARTED)).toBe(5);
    expect(new Set(outcomes.map((o) => (o.status === 'done' ? o.value.threadId : 0))).size).toBe(2);
  });

  it('answers a task that runs too long with a timeout and replaces its thread', async () => {
    const p = pool({ size: 1, taskTimeoutMs: 300 });
    const first = await p.run('echo', { text: 'a' });
    expect(await p.run('misbehave', { how: 'hang' })).toMatchObject({ status: 'timeout' });
    const after = await p.run('echo', { text: 'b' });
    expect(after).toMatchObject({ status: 'done', value: { text: 'B', loads: 1 } });
    expect(after.status === 'done' && first.status === 'done' && after.value.threadId !== first.value.threadId).toBe(true);
    expect(p.threadCount).toBe(1);
  });

  it('fails the task of a thread that dies and replaces the thread', async () => {
    const p = pool({ size: 1 });
    await p.start();
    expect(await p.run('misbehave', { how: 'exit' })).toMatchObject({ status: 'failed', failure: 'worker_crashed' });
    expect(await p.run('echo', { text: 'still here' })).toMatchObject({ status: 'done', value: { text: 'STILL HERE' } });
  });

  it('bounds each thread heap: a task that exhausts it fails and its thread is replaced', async () => {
    const p = pool({ size: 1, maxOldGenerationSizeMb: 32 });
    const outcome = await p.run('misbehave', { how: 'exhaust_heap' });
    expect(outcome).toMatchObject({ status: 'failed', failure: 'worker_crashed' });
    expect(outcome.status === 'failed' && outcome.message).toMatch(/memory/i);
    expect(await p.run('echo', { text: 'ok' })).toMatchObject({ status: 'done' });
  });

  it('answers an exception in a task as a task error and keeps the thread', async () => {
    const p = pool({ size: 1 });
    const first = await p.run('echo', { text: 'a' });
    expect(await p.run('misbehave', { how: 'throw' })).toEqual({ status: 'failed', failure: 'task_error', message: 'the image could not be decoded' });
    const after = await p.run('echo', { text: 'b' });
    expect(after.status === 'done' && first.status === 'done' && after.value.threadId === first.value.threadId).toBe(true);
  });

  it('closes cleanly: queued tasks fail, running ones finish, no thread is left', async () => {
    const p = pool({ size: 1 });
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const running = p.run('gate', { gate });
    const queued = p.run('echo', { text: 'late' });
    await waitUntilStarted(gate, 1);
    const closing = p.close();
    expect(await queued).toMatchObject({ status: 'failed', failure: 'pool_closed' });
    Atomics.store(gate, OPEN, 1);
    Atomics.notify(gate, OPEN);
    expect(await running).toMatchObject({ status: 'done' });
    await closing;
    expect(p.threadCount).toBe(0);
    expect(liveThreads()).toBe(before);
    expect(await p.run('echo', { text: 'after' })).toMatchObject({ status: 'failed', failure: 'pool_closed' });
  });

  it('fails tasks instead of restarting forever when no thread can load its models', async () => {
    const broken = new AnalysisPool<{ broken: { input: unknown; output: never } }>(
      { broken: new URL('./pool-tasks/failing-load-task.ts', import.meta.url) },
      { size: 2 },
    );
    await expect(broken.start()).rejects.toThrow('model file missing');
    expect(await broken.run('broken', {})).toMatchObject({ status: 'failed', failure: 'worker_start_failed' });
    await broken.close();
    expect(broken.threadCount).toBe(0);
  });

  it('tells its observer every outcome, which the metrics time by task kind and status', async () => {
    const metrics = new Metrics();
    const p = pool({ taskTimeoutMs: 300 }, metrics.observeAnalysisTask);
    await p.start();
    await p.run('echo', { text: 'hello' });
    await p.run('misbehave', { how: 'hang' });
    await p.run('misbehave', { how: 'throw' });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^realid_analysis_task_seconds_count\{task="echo",status="done"\} 1$/m);
    expect(text).toMatch(/^realid_analysis_task_seconds_count\{task="misbehave",status="timeout"\} 1$/m);
    expect(text).toMatch(/^realid_analysis_task_failures_total\{task="misbehave",failure="task_error"\} 1$/m);
  });
});
