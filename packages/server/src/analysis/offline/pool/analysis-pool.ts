// A bounded pool of worker threads that runs analysis tasks by kind beside the server's event loop. Each
// thread loads every kind's models once; tasks wait in order for a free thread; a task past its timeout is
// answered `timeout` and its thread replaced; a thread that dies fails its task and is replaced.
import { resolvePoolOptions, type PoolOptions } from './pool-options.ts';
import { PoolThread, type TaskReply } from './pool-thread.ts';
import type { TaskCatalog, TaskMap } from './task-definition.ts';
import type { TaskFailure, TaskOutcome } from './task-outcome.ts';

interface Queued {
  id: number;
  kind: string;
  input: unknown;
  resolve(outcome: TaskOutcome<unknown>): void;
}

interface Running extends Queued {
  thread: PoolThread;
  timer: NodeJS.Timeout;
  started: number;
}

/** Told of every task's outcome (for metrics); must not throw. */
export type TaskObserver = (kind: string, outcome: TaskOutcome<unknown>) => void;

export class AnalysisPool<T extends TaskMap> {
  readonly options: PoolOptions;
  private readonly catalog: Record<string, string>;
  private readonly threads = new Set<PoolThread>();
  private readonly queue: Queued[] = [];
  private readonly running = new Map<number, Running>();
  private nextId = 0;
  private warm = false;
  private closed = false;
  private startWaiters: { resolve(): void; reject(error: Error): void }[] = [];

  constructor(
    catalog: TaskCatalog<T>,
    options: Partial<PoolOptions> = {},
    private readonly observe?: TaskObserver,
  ) {
    this.options = resolvePoolOptions(options);
    this.catalog = Object.fromEntries(Object.entries(catalog).map(([kind, url]) => [kind, (url as URL).href]));
  }

  /** Starts every thread and resolves once all have loaded their models; from then on, dead threads are replaced at once. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'));
    this.warm = true;
    this.grow(this.options.size);
    if (this.readyCount() === this.options.size) return Promise.resolve();
    return new Promise((resolve, reject) => this.startWaiters.push({ resolve, reject }));
  }

  run<K extends keyof T & string>(kind: K, input: T[K]['input']): Promise<TaskOutcome<T[K]['output']>> {
    if (this.closed) return Promise.resolve(failed('pool_closed', 'the analysis pool is closed'));
    if (!Object.hasOwn(this.catalog, kind)) throw new Error(`unknown analysis task kind ${kind}`);
    return new Promise((resolve) => {
      const answer = this.observe ? (outcome: TaskOutcome<unknown>) => (this.observe!(kind, outcome), resolve(outcome as TaskOutcome<T[K]['output']>)) : resolve;
      this.queue.push({ id: ++this.nextId, kind, input, resolve: answer as Queued['resolve'] });
      this.grow(Math.min(this.options.size, this.running.size + this.queue.length));
      this.dispatch();
    });
  }

  /** Live threads (starting, idle or busy); never more than `options.size`. */
  get threadCount(): number {
    return this.threads.size;
  }

  /** Fails queued tasks, lets running ones finish (each within its timeout), then ends every thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(failed('pool_closed', 'the analysis pool was closed'));
    this.settleStart(new Error('analysis pool closed while starting'));
    await Promise.all([...this.running.values()].map((task) => new Promise<void>((done) => {
      const resolve = task.resolve;
      task.resolve = (outcome) => (resolve(outcome), done());
    })));
    await Promise.all([...this.threads].map((thread) => thread.stop()));
  }

  private grow(target: number): void {
    while (!this.closed && this.threads.size < target) {
      this.threads.add(new PoolThread(this.catalog, this.options, {
        ready: () => this.onReady(),
        reply: (thread, reply) => this.onReply(thread, reply),
        exit: (thread, error) => this.onExit(thread, error),
      }));
    }
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (this.queue.length === 0) return;
      if (!thread.isReady || thread.taskId !== undefined) continue;
      const task = this.queue.shift()!;
      const timer = setTimeout(() => this.onTimeout(task.id), this.options.taskTimeoutMs);
      this.running.set(task.id, { ...task, thread, timer, started: performance.now() });
      thread.run({ id: task.id, kind: task.kind, input: task.input });
    }
  }

  private onReady(): void {
    if (this.readyCount() === this.options.size) this.settleStart();
    this.dispatch();
  }

  private onReply(_thread: PoolThread, reply: TaskReply): void {
    const task = this.finish(reply.id);
    if (!task) return;
    if (reply.type === 'done') task.resolve({ status: 'done', value: reply.value, ms: reply.ms });
    else task.resolve(failed('task_error', reply.message));
    this.dispatch();
  }

  private onTimeout(id: number): void {
    const task = this.finish(id);
    if (!task) return;
    task.resolve({ status: 'timeout', ms: performance.now() - task.started });
    // The thread is still inside the task; ending it is the only way to get the core back. Its exit replaces it.
    void task.thread.stop();
  }

  private onExit(thread: PoolThread, error: Error | undefined): void {
    this.threads.delete(thread);
    const task = thread.taskId === undefined ? undefined : this.finish(thread.taskId);
    task?.resolve(failed('worker_crashed', error?.message ?? 'the analysis thread ended'));
    if (this.closed) return;
    if (!thread.isReady && error) return this.onStartFailure(error);
    this.grow(this.warm ? this.options.size : Math.min(this.options.size, this.running.size + this.queue.length));
    this.dispatch();
  }

  /** A thread that dies while loading would die again: fail what waits instead of restarting in a loop. */
  private onStartFailure(error: Error): void {
    if (this.readyCount() > 0) return;
    for (const task of this.queue.splice(0)) task.resolve(failed('worker_start_failed', error.message));
    this.settleStart(error);
  }

  private finish(id: number): Running | undefined {
    const task = this.running.get(id);
    if (!task) return undefined;
    this.running.delete(id);
    clearTimeout(task.timer);
    return task;
  }

  private readyCount(): number {
    let ready = 0;
    for (const thread of this.threads) if (thread.isReady) ready++;
    return ready;
  }

  private settleStart(error?: Error): void {
    for (const waiter of this.startWaiters.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }
}

const failed = (failure: TaskFailure, message: string): TaskOutcome<never> => ({ status: 'failed', failure, message });
