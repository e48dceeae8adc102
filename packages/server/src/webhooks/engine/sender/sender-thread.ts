// Sends webhooks from a thread of their own: signing and HTTP (undici) take about as much CPU per delivery
// as the queue's database work, so on a machine with two cores or more the two run side by side instead of
// taking turns on the event loop. Jobs and results cross in batches; a thread that dies fails the attempts
// in flight (their leases expire and they are sent again) and the next job starts a new one.
import type { Worker } from 'node:worker_threads';
import { startThread } from '../../../runtime/start-thread.ts';
import type { SendResult } from '../outbound/index.ts';
import type { SendJob } from './send-job.ts';

export type SenderReply = { key: number; result: SendResult; error?: undefined } | { key: number; error: string; result?: undefined };

interface Waiting {
  worker: Worker;
  resolve(result: SendResult): void;
  reject(error: Error): void;
}

export class SenderThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextKey = 0;
  private queued: (SendJob & { key: number })[] = [];
  /** Resolves when the current thread has loaded (or died trying). */
  private ready: Promise<void> | undefined;

  send(job: SendJob): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      const key = ++this.nextKey;
      this.waiting.set(key, { worker: this.thread(), resolve, reject });
      if (this.queued.length === 0) queueMicrotask(() => this.post());
      this.queued.push({ ...job, key });
    });
  }

  /** Starts the thread ahead of the first job (it takes a moment to load); resolves once it is ready. */
  async start(): Promise<void> {
    this.thread();
    await this.ready;
  }

  private post(): void {
    const jobs = this.queued;
    this.queued = [];
    const worker = this.thread();
    // While attempts are in flight the thread keeps the process alive; idle, it does not.
    worker.ref();
    worker.postMessage(jobs);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread(new URL('./sender-main.ts', import.meta.url));
    let loaded!: () => void;
    this.ready = new Promise((resolve) => (loaded = resolve));
    worker.on('message', (replies: SenderReply[] | 'ready') => {
      if (replies === 'ready') {
        if (this.waiting.size === 0) worker.unref();
        return loaded();
      }
      for (const reply of replies) {
        const waiting = this.waiting.get(reply.key);
        this.waiting.delete(reply.key);
        if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.result);
      }
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error): void => {
      loaded();
      if (this.worker === worker) this.worker = undefined;
      for (const [key, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(key);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the sender thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/**
 * One per process, shared by its delivery workers and kept between them (warm, with its keep-alive
 * connections); idle, it does not keep the process alive.
 */
export const processSender = new SenderThread();
