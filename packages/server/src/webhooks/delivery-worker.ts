// The delivery worker: claims due deliveries, sends them with bounded concurrency (and a cap per endpoint,
// so a slow endpoint cannot take every slot), records outcomes in batches, and sleeps until woken.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../app/services.ts';
import { DELIVERIES_CHANNEL } from '../store/events-repo.ts';
import type { ClaimedDelivery } from '../store/deliveries-repo.ts';
import type { KeyMode } from '../store/accounts-repo.ts';
import type { Endpoint } from '../store/endpoints-repo.ts';
import { attemptDelivery, type AttemptContext } from './attempt-delivery.ts';
import { ClaimMemory } from './claim-memory.ts';
import { destinationPolicy } from './destination-policy.ts';
import { OutcomeWriter } from './record-outcomes.ts';
import { parseRetrySchedule, type RandomSource } from './retry-policy.ts';
import { processSender } from './sender/sender-thread.ts';
import { signAndSend } from './sender/send-job.ts';

/** Slots an endpoint may hold while its last attempt failed: enough to notice recovery, too few to starve others. */
export const FAILING_ENDPOINT_SLOTS = 4;
const SLOW_ATTEMPT_MS = 1_000;

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

type Held = ClaimedDelivery & { heldSince: number };

export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly inFlight = new Map<string, string>();
  /** Claimed but not started (their endpoint had no free slot yet), per endpoint, oldest first. */
  private readonly held = new Map<string, Held[]>();
  private heldCount = 0;
  /** Something may have come due (a notify, time passing, an endpoint with free slots again). */
  private claimNeeded = true;
  /** What recent claims showed: a claim past full endpoints that can only come back empty is not made. */
  private readonly memory: ClaimMemory;
  private readonly perEndpoint = new Map<string, number>();
  /** Endpoints whose latest attempt from this worker failed. */
  private readonly failing = new Set<string>();
  /** Start times of each endpoint's attempts in flight, oldest first. */
  private readonly started = new Map<string, number[]>();
  private readonly writer: OutcomeWriter;
  private readonly ctx: AttemptContext;
  private readonly opts: Required<Omit<WorkerOptions, 'random'>>;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly tasks = new Set<Promise<void>>();
  private readonly senderThread: boolean;

  constructor(private readonly s: Services, options: WorkerOptions = {}) {
    const w = s.config.webhooks;
    // With SQLite the queue's database work runs on this event loop, so signing and HTTP gain a core of
    // their own. With PostgreSQL that work runs in the server; where it shares the machine, a second busy
    // thread here competes with it (at 500 events/s on two cores, p99 went from about 40 to 200–400 ms).
    this.senderThread = w.senderThread ?? s.store.driver.dialect.name === 'sqlite';
    this.opts = {
      concurrency: options.concurrency ?? w.concurrency,
      perEndpoint: options.perEndpoint ?? w.perEndpointConcurrency,
      leaseMs: options.leaseMs ?? w.totalTimeoutMs * 2 + 5_000,
      batchSize: options.batchSize ?? 100,
      idleMs: options.idleMs ?? 1_000,
    };
    this.writer = new OutcomeWriter(s);
    this.memory = new ClaimMemory(this.opts.idleMs / 4);
    const outbound = {
      connectTimeoutMs: w.connectTimeoutMs,
      totalTimeoutMs: w.totalTimeoutMs,
      ...(w.localAddress ? { localAddress: w.localAddress } : {}),
      ...(w.proxyUrl ? { proxyUrl: w.proxyUrl } : {}),
    };
    this.ctx = {
      s,
      workerId: this.id,
      schedule: parseRetrySchedule(w.retrySchedule),
      random: options.random ?? Math.random,
      outbound: { live: { ...outbound, ...destinationPolicy(w, 'live') }, test: { ...outbound, ...destinationPolicy(w, 'test') } },
      send: this.senderThread ? (job) => processSender.send(job) : signAndSend,
    };
  }

  async start(): Promise<void> {
    this.running = true;
    if (this.senderThread) await processSender.start();
    // One process owns an SQLite queue: a lease found at start is from a run that ended.
    if (!this.s.store.driver.dialect.multiProcess) await this.s.store.deliveries.releaseAll(this.s.clock.now());
    this.unlisten = await this.s.store.driver.listen(DELIVERIES_CHANNEL, (payload) => this.announced(payload));
    this.loop = this.run();
  }

  /** Claims skip a full endpoint: its slots taken, and as many again held here (none while it struggles). */
  private full(endpointId: string): boolean {
    const slots = this.slotsFor(endpointId);
    const limit = slots < this.opts.perEndpoint ? slots : slots * 2;
    return (this.perEndpoint.get(endpointId) ?? 0) + (this.held.get(endpointId)?.length ?? 0) >= limit;
  }

  private hold(d: Held): void {
    const queue = this.held.get(d.endpointId);
    if (queue) queue.push(d);
    else this.held.set(d.endpointId, [d]);
    this.heldCount++;
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
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops claiming, lets in-flight attempts finish and their outcomes be written. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all(this.tasks);
    await this.writer.flush();
    await this.giveBack([...this.held.values()].flat().map((d) => d.id));
    this.held.clear();
    this.heldCount = 0;
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
      this.woken = false;
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
      const full = this.inFlight.size >= this.opts.concurrency;
      if (started > 0 && !full) continue;
      if (!this.woken && (await this.sleep(full ? this.opts.idleMs * 10 : this.opts.idleMs))) {
        // Retries come due and leases expire with time alone.
        this.claimNeeded = true;
        this.memory.forget();
      }
    }
  }

  /** Resolves true when the time ran out, false when woken. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve(true);
      }, ms);
      this.wakeUp = () => {
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve(false);
      };
    });
  }

  /**
   * Starts held deliveries whose endpoints have a free slot. Those held for half their lease, or beyond the
   * few slots of an endpoint that started struggling, go back to the queue: nobody must claim a delivery
   * again while it still waits here.
   */
  private async startHeld(): Promise<number> {
    if (this.heldCount === 0) return 0;
    const ready: Held[] = [];
    const back: string[] = [];
    const stale = performance.now() - this.opts.leaseMs / 2;
    for (const [endpointId, queue] of this.held) {
      const struggling = this.slotsFor(endpointId) < this.opts.perEndpoint;
      let i = 0;
      for (; i < queue.length; i++) {
        const d = queue[i]!;
        if (d.heldSince < stale || (struggling && (this.perEndpoint.get(endpointId) ?? 0) >= this.slotsFor(endpointId))) back.push(d.id);
        else if (this.admit(d)) ready.push(d);
        else break;
      }
      this.heldCount -= i;
      if (i === queue.length) this.held.delete(endpointId);
      else queue.splice(0, i);
    }
    if (back.length) await this.giveBack(back);
    await this.startBatch(ready);
    return ready.length;
  }

  private async claimAndStart(): Promise<number> {
    const room = this.opts.concurrency - this.inFlight.size - this.heldCount;
    if (room <= 0) return 0;
    const saturated = [...new Set([...this.perEndpoint.keys(), ...this.held.keys()])].filter((id) => this.full(id));
    if (!this.memory.worthClaiming(saturated)) return 0;
    const limit = Math.min(room, this.opts.batchSize);
    const claimed = await this.memory.claim(saturated, limit, () =>
      this.s.store.deliveries.claim({ workerId: this.id, now: this.s.clock.now(), leaseMs: this.opts.leaseMs, limit, skipEndpoints: saturated }),
    );
    // Past an endpoint's slots, a claimed delivery is held until one frees.
    const now = performance.now();
    const accepted = claimed.filter((d) => this.admit(d) || (this.hold({ ...d, heldSince: now }), false));
    await this.startBatch(accepted);
    return claimed.length;
  }

  /** Takes a slot of the delivery's endpoint, if one is free. */
  private admit(d: ClaimedDelivery): boolean {
    const n = this.perEndpoint.get(d.endpointId) ?? 0;
    if (n >= this.slotsFor(d.endpointId)) return false;
    this.perEndpoint.set(d.endpointId, n + 1);
    this.inFlight.set(d.id, d.endpointId);
    return true;
  }

  /** An endpoint that failed, or has had an attempt hanging for a second, gets only a few slots. */
  private slotsFor(endpointId: string): number {
    const oldest = this.started.get(endpointId)?.[0];
    const struggling = this.failing.has(endpointId) || (oldest !== undefined && performance.now() - oldest > SLOW_ATTEMPT_MS);
    return struggling ? Math.min(FAILING_ENDPOINT_SLOTS, this.opts.perEndpoint) : this.opts.perEndpoint;
  }

  private async startBatch(batch: ClaimedDelivery[]): Promise<void> {
    if (batch.length === 0) return;
    let payloads: Map<string, string>, endpoints: Map<string, Endpoint>, secrets: Map<string, string[]>;
    try {
      [payloads, endpoints] = await Promise.all([this.s.store.deliveries.payloads(batch.map((d) => d.eventId)), this.endpointsOf(batch)]);
      secrets = await this.secretsOf(endpoints);
    } catch (error) {
      // Their slots free up; their leases expire and they are claimed again.
      for (const d of batch) this.finished(d.endpointId, d.id);
      throw error;
    }
    for (const d of batch) {
      const endpoint = endpoints.get(d.endpointId);
      const task = this.deliver(d, endpoint, payloads.get(d.eventId), (endpoint && secrets.get(`${endpoint.accountId}:${endpoint.mode}`)) ?? []);
      this.tasks.add(task);
      void task.finally(() => this.tasks.delete(task));
    }
  }

  private async deliver(d: ClaimedDelivery, endpoint: Endpoint | undefined, payload: string | undefined, secrets: string[]): Promise<void> {
    const startedAt = performance.now();
    const starts = this.started.get(d.endpointId) ?? [];
    starts.push(startedAt);
    this.started.set(d.endpointId, starts);
    try {
      if (endpoint && payload !== undefined && secrets.length) {
        const result = await attemptDelivery(this.ctx, d, endpoint, payload, secrets);
        if (result.outcome.result === 'delivered') this.failing.delete(d.endpointId);
        else this.failing.add(d.endpointId);
        await this.writer.record(result);
      }
    } catch (error) {
      // The lease will expire and the delivery be tried again; nothing is lost.
      this.s.logger.error({ err: error, deliveryId: d.id }, 'delivery attempt could not be recorded');
    } finally {
      starts.splice(starts.indexOf(startedAt), 1);
      if (starts.length === 0) this.started.delete(d.endpointId);
      this.finished(d.endpointId, d.id);
    }
  }

  private finished(endpointId: string, deliveryId: string): void {
    // The next delivery in this endpoint's line for that check may have become due.
    this.memory.due([endpointId]);
    this.inFlight.delete(deliveryId);
    const n = (this.perEndpoint.get(endpointId) ?? 1) - 1;
    if (n <= 0) this.perEndpoint.delete(endpointId);
    else this.perEndpoint.set(endpointId, n);
    // Claim again once an endpoint has drained to half its slots, not after every attempt: a busy endpoint's
    // backlog is then fetched in batches instead of one claim per freed slot.
    if (n <= this.slotsFor(endpointId) / 2) this.nudge(true);
    else if (this.held.has(endpointId)) this.nudge(false);
  }

  private async endpointsOf(batch: ClaimedDelivery[]): Promise<Map<string, Endpoint>> {
    const ids = [...new Set(batch.map((d) => d.endpointId))];
    const found = await Promise.all(ids.map((id) => this.s.store.endpoints.getById(id)));
    return new Map(found.filter((e): e is Endpoint => e !== undefined).map((e) => [e.id, e]));
  }

  /** Each account's secrets per mode, keyed `account:mode`: test endpoints get test-signed deliveries. */
  private async secretsOf(endpoints: Map<string, Endpoint>): Promise<Map<string, string[]>> {
    const now = this.s.clock.now();
    const keys = [...new Set([...endpoints.values()].map((e) => `${e.accountId}:${e.mode}`))];
    const lists = await Promise.all(
      keys.map(async (key) => {
        const [accountId, mode] = key.split(':') as [string, KeyMode];
        return [key, (await this.s.store.accounts.activeSecrets(accountId, mode, now, this.s.store.driver.workerReads)).map((x) => x.secret)] as const;
      }),
    );
    return new Map(lists);
  }
}
