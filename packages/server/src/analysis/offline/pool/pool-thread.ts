// One worker thread of the analysis pool: starts, says when its task kinds are loaded, runs one task at a
// time, and tells its owner once when it ends, whether it was asked to or died.
import type { Worker } from 'node:worker_threads';
import { startThread } from '../../../runtime/start-thread.ts';
import type { PoolOptions } from './pool-options.ts';
import type { TaskMessage, WorkerMessage } from './task-outcome.ts';

export type TaskReply = Extract<WorkerMessage, { id: number }>;

export interface ThreadEvents {
  ready(thread: PoolThread): void;
  reply(thread: PoolThread, reply: TaskReply): void;
  /** Once, however the thread ended; `error` when it died rather than being stopped. */
  exit(thread: PoolThread, error: Error | undefined): void;
}

const ENTRY = new URL('./pool-worker-main.ts', import.meta.url);

export class PoolThread {
  private readonly worker: Worker;
  private stopping = false;
  private ended = false;
  isReady = false;
  /** The task it runs, if any. */
  taskId: number | undefined;

  constructor(catalog: Record<string, string>, options: PoolOptions, events: ThreadEvents) {
    this.worker = startThread(ENTRY, {
      workerData: { catalog },
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: options.maxYoungGenerationSizeMb },
    });
    // Idle threads do not keep the process alive; a running task does (see run).
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        this.isReady = true;
        return events.ready(this);
      }
      this.taskId = undefined;
      this.worker.unref();
      events.reply(this, message);
    });
    let died: Error | undefined;
    this.worker.on('error', (error) => (died = error));
    this.worker.on('exit', (code) => {
      if (this.ended) return;
      this.ended = true;
      events.exit(this, this.stopping ? undefined : (died ?? new Error(`analysis thread exited with code ${code}`)));
    });
  }

  run(task: TaskMessage): void {
    this.taskId = task.id;
    this.worker.ref();
    this.worker.postMessage(task);
  }

  /** Ends the thread, even mid-task (a task past its timeout cannot be interrupted any other way). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }
}
