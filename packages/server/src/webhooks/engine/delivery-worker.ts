// The delivery worker: claims due deliveries, sends them with bounded concurrency (and a cap per endpoint,
// so a slow endpoint cannot take every slot), records outcomes in batches, and sleeps until woken.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../../core/services.ts';
import { DELIVERIES_CHANNEL } from '../../store/events-repo.ts';
import type { AttemptInputs, ClaimedDelivery } from '../../store/deliveries-repo.ts';
import { attemptContext, attemptDelivery, type AttemptContext } from './attempt-delivery.ts';
import { ClaimMemory } from './claim-memory.ts';
import { EndpointSlots, type AfterRelease } from './endpoint-slots.ts';
import { loadAttemptInputs } from './load-attempt-inputs.ts';
import { observeAttempt } from './observe-attempt.ts';
import { OutcomeWriter } from './record-outcomes.ts';
import type { RandomSource } from './retry-policy.ts';
import { processSender } from './sender/sender-thread.ts';
import { signAndSend } from './sender/send-job.ts';
import { WakeSignal } from './wake-signal.ts';

export interface WorkerOptions {
  concurrency?: number;
  perEndpoint?: number;
  /** How long a claim is ours; past it, any worker may claim the delivery again. */
  leaseMs?: number;
  batchSize?: number;
  /** Longest sleep between looks at the queue (retries coming due, expired leases). */
  idleMs?: number;
  random?: RandomSource;
}

export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly slots: EndpointSlots<ClaimedDelivery>;
  /** Something may have come due (a notify, time passing, an endpoint with free slots again). */
  private claimNeeded = true;
  /** What recent claims showed: a claim past full endpoints that can only come back empty is not made. */
  private readonly memory: ClaimMemory;
  private readonly writer: OutcomeWriter;
  private readonly ctx: AttemptContext;
  private readonly opts: Required<Omit<WorkerOptions, 'random' | 'perEndpoint'>>;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly signal = new WakeSignal();
  private unlisten: (() => Promise<void>) | undefined;
  private readonly tasks = new Set<Promise<void>>();
  private readonly senderThread: boolean;

  constructor(private readonly s: Services, options: WorkerOptions = {}) {
    const w = s.config.webhooks;
    // With the database in this process (SQLite) the queue's work runs on this event loop, so signing and HTTP
    // gain a core of their own. With PostgreSQL that work runs in the server; where it shares the machine, a
    // second busy thread here competes with it (at 500 events/s on two cores, p99 went from about 40 to 200–400 ms).
    this.senderThread = w.senderThread ?? s.store.driver.dialect.inProcess;
    const leaseMs = options.leaseMs ?? w.totalTimeoutMs * 2 + 5_000;
    this.opts = { concurrency: options.concurrency ?? w.concurrency, leaseMs, batchSize: options.batchSize ?? 100, idleMs: options.idleMs ?? 1_000 };
    this.slots = new EndpointSlots({ perEndpoint: options.perEndpoint ?? w.perEndpointConcurrency, maxHoldMs: leaseMs / 2 });
    this.writer = new OutcomeWriter(s);
    this.memory = new ClaimMemory(this.opts.idleMs / 4);
    this.ctx = attemptContext(s, this.id, options.random ?? Math.random, this.senderThread ? (job) => processSender.send(job) : signAndSend);
  }

  async start(): Promise<void> {
    this.running = true;
    if (this.senderThread) await processSender.start();
    // One process owns an SQLite queue: a lease found at start is from a run that ended.
    if (!this.s.store.driver.dialect.multiProcess) await this.s.store.deliveries.releaseAll(this.s.clock.now());
    this.unlisten = await this.s.store.driver.listen(DELIVERIES_CHANNEL, (payload) => this.announced(payload));
    this.loop = this.run();
  }

  /** Look at the queue now: new work was announced, or a test moved the clock. */
  wake(): void {
    this.memory.forget();
    this.nudge(true);
  }

  /** New deliveries were queued, for the endpoints the payload lists ('' when it does not say). */
  private announced(payload: string): void {
    this.memory.due(payload === '' ? undefined : payload.split(','));
    this.nudge(true);
  }

  /** After an attempt: claim (unless it would be fruitless), or only start what is held. */
  private nudge(claim: boolean): void {
    if (claim) this.claimNeeded = true;
    this.signal.wake();
  }

  /** Stops claiming, lets in-flight attempts finish and their outcomes be written. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all(this.tasks);
    await this.writer.flush();
    await this.giveBack(this.slots.dropHeld());
    await this.unlisten?.();
  }

  /** Not giving leased deliveries back only delays them until their lease expires. */
  private async giveBack(ids: string[]): Promise<void> {
    this.memory.forget();
    await this.s.store.deliveries.release(this.id, ids, this.s.clock.now()).catch((error: unknown) => {
      this.s.logger.warn({ err: error }, 'delivery worker could not give back deliveries it had no room for');
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.signal.begin();
      let started = 0;
      try {
        started = await this.startHeld();
        if (this.claimNeeded) {
          this.claimNeeded = false;
          const claimed = await this.claimAndStart();
          // Something was due; more may be.
          if (claimed > 0) this.claimNeeded = true;
          started += claimed;
        }
      } catch (error) {
        this.s.logger.error({ err: error }, 'delivery worker could not claim');
      }
      if (!this.running) break;
      const full = this.slots.inFlight >= this.opts.concurrency;
      if (started > 0 && !full) continue;
      if (await this.signal.sleep(full ? this.opts.idleMs * 10 : this.opts.idleMs)) {
        // Retries come due and leases expire with time alone.
        this.claimNeeded = true;
        this.memory.forget();
      }
    }
  }

  /** Starts held deliveries whose endpoints have a free slot; gives back those that may not wait longer. */
  private async startHeld(): Promise<number> {
    const { ready, back } = this.slots.takeHeld();
    if (back.length) await this.giveBack(back);
    await this.startBatch(ready, false);
    return ready.length;
  }

  private async claimAndStart(): Promise<number> {
    const room = this.opts.concurrency - this.slots.inFlight - this.slots.heldCount;
    if (room <= 0) return 0;
    const saturated = this.slots.saturated();
    if (!this.memory.worthClaiming(saturated)) return 0;
    const limit = Math.min(room, this.opts.batchSize);
    const claimed = await this.memory.claim(saturated, limit, () =>
      this.s.store.deliveries.claim({ workerId: this.id, now: this.s.clock.now(), leaseMs: this.opts.leaseMs, limit, skipEndpoints: saturated }),
    );
    // Past an endpoint's slots, a claimed delivery is held until one frees.
    await this.startBatch(this.slots.accept(claimed), true);
    return claimed.length;
  }

  private async startBatch(batch: ClaimedDelivery[], claimedJustNow: boolean): Promise<void> {
    if (batch.length === 0) return;
    let inputs: (d: ClaimedDelivery) => AttemptInputs;
    try {
      inputs = await loadAttemptInputs(this.s, batch, claimedJustNow);
    } catch (error) {
      // Their slots free up; their leases expire and they are claimed again.
      for (const d of batch) this.finished(d);
      throw error;
    }
    for (const d of batch) {
      const task = this.deliver(d, inputs(d));
      this.tasks.add(task);
      void task.finally(() => this.tasks.delete(task));
    }
  }

  private async deliver(d: ClaimedDelivery, { endpoint, payload, secrets }: AttemptInputs): Promise<void> {
    const startedAt = this.slots.begin(d.endpointId);
    try {
      if (endpoint && payload !== undefined && secrets.length) {
        const result = await attemptDelivery(this.ctx, d, endpoint, payload, secrets);
        this.slots.answered(d.endpointId, result.outcome.result === 'delivered');
        observeAttempt(this.s, result);
        await this.writer.record(result);
      }
    } catch (error) {
      // The lease will expire and the delivery be tried again; nothing is lost.
      this.s.logger.error({ err: error, deliveryId: d.id }, 'delivery attempt could not be recorded');
    } finally {
      this.finished(d, startedAt);
    }
  }

  private finished(d: ClaimedDelivery, startedAt?: number): void {
    // The next delivery in this endpoint's line for that check may have become due.
    this.memory.due([d.endpointId]);
    const next: AfterRelease = this.slots.release(d, startedAt);
    if (next !== 'none') this.nudge(next === 'claim');
  }
}
