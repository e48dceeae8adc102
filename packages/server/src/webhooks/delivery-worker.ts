// The delivery worker: claims due deliveries, sends them with bounded concurrency (and a cap per endpoint,
// so a slow endpoint cannot take every slot), records outcomes in batches, and sleeps until woken.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../app/services.ts';
import { DELIVERIES_CHANNEL } from '../store/events-repo.ts';
import type { ClaimedDelivery } from '../store/deliveries-repo.ts';
import type { Endpoint } from '../store/endpoints-repo.ts';
import { attemptDelivery, type AttemptContext } from './attempt-delivery.ts';
import { OutcomeWriter } from './record-outcomes.ts';
import { parseRetrySchedule, type RandomSource } from './retry-policy.ts';
import type { OutboundOptions } from './outbound/index.ts';

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
  outbound?: OutboundOptions;
  random?: RandomSource;
}

export class DeliveryWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly inFlight = new Map<string, string>();
  private readonly perEndpoint = new Map<string, number>();
  /** Endpoints whose latest attempt from this worker failed. */
  private readonly failing = new Set<string>();
  /** Start times of each endpoint's attempts in flight, oldest first. */
  private readonly started = new Map<string, number[]>();
  private readonly writer: OutcomeWriter;
  private readonly ctx: AttemptContext;
  private readonly opts: Required<Omit<WorkerOptions, 'outbound' | 'random'>>;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly s: Services, options: WorkerOptions = {}) {
    const w = s.config.webhooks;
    this.opts = {
      concurrency: options.concurrency ?? w.concurrency,
      perEndpoint: options.perEndpoint ?? w.perEndpointConcurrency,
      leaseMs: options.leaseMs ?? w.totalTimeoutMs * 2 + 5_000,
      batchSize: options.batchSize ?? 100,
      idleMs: options.idleMs ?? 1_000,
    };
    this.writer = new OutcomeWriter(s);
    this.ctx = {
      s,
      workerId: this.id,
      schedule: parseRetrySchedule(w.retrySchedule),
      random: options.random ?? Math.random,
      outbound: {
        allowLoopback: w.allowLoopback,
        allowPrivate: w.allowPrivate,
        connectTimeoutMs: w.connectTimeoutMs,
        totalTimeoutMs: w.totalTimeoutMs,
        ...(w.localAddress ? { localAddress: w.localAddress } : {}),
        ...(w.proxyUrl ? { proxyUrl: w.proxyUrl } : {}),
        ...options.outbound,
      },
    };
  }

  async start(): Promise<void> {
    this.running = true;
    this.unlisten = await this.s.store.driver.listen(DELIVERIES_CHANNEL, () => this.wake());
    this.loop = this.run();
  }

  /** Look at the queue now (new work, or a test moved the clock). */
  wake(): void {
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
    await this.unlisten?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let claimed = 0;
      try {
        claimed = await this.claimAndStart();
      } catch (error) {
        this.s.logger.error({ err: error }, 'delivery worker could not claim');
      }
      if (!this.running) break;
      const full = this.inFlight.size >= this.opts.concurrency;
      if (claimed > 0 && !full) continue;
      if (!this.woken) await this.sleep(full ? this.opts.idleMs * 10 : this.opts.idleMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }

  private async claimAndStart(): Promise<number> {
    const room = this.opts.concurrency - this.inFlight.size;
    if (room <= 0) return 0;
    const saturated = [...this.perEndpoint].filter(([id, n]) => n >= this.slotsFor(id)).map(([id]) => id);
    const claimed = await this.s.store.deliveries.claim({
      workerId: this.id,
      now: this.s.clock.now(),
      leaseMs: this.opts.leaseMs,
      limit: Math.min(room, this.opts.batchSize),
      skipEndpoints: saturated,
      inFlight: new Set(this.inFlight.keys()),
    });
    if (claimed.length === 0) return 0;
    const accepted: ClaimedDelivery[] = [];
    const extra: string[] = [];
    for (const d of claimed) {
      const n = this.perEndpoint.get(d.endpointId) ?? 0;
      if (n >= this.slotsFor(d.endpointId)) extra.push(d.id);
      else {
        this.perEndpoint.set(d.endpointId, n + 1);
        this.inFlight.set(d.id, d.endpointId);
        accepted.push(d);
      }
    }
    await this.s.store.deliveries.release(this.id, extra);
    await this.startBatch(accepted);
    return accepted.length;
  }

  /** An endpoint that failed, or has had an attempt hanging for a second, gets only a few slots. */
  private slotsFor(endpointId: string): number {
    const oldest = this.started.get(endpointId)?.[0];
    const struggling = this.failing.has(endpointId) || (oldest !== undefined && performance.now() - oldest > SLOW_ATTEMPT_MS);
    return struggling ? Math.min(FAILING_ENDPOINT_SLOTS, this.opts.perEndpoint) : this.opts.perEndpoint;
  }

  private async startBatch(batch: ClaimedDelivery[]): Promise<void> {
    const [payloads, endpoints, secrets] = await Promise.all([
      this.s.store.deliveries.payloads(batch.map((d) => d.eventId)),
      this.endpointsOf(batch),
      this.secretsOf(batch),
    ]);
    for (const d of batch) {
      const task = this.deliver(d, endpoints.get(d.endpointId), payloads.get(d.eventId), secrets.get(d.accountId) ?? []);
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
      this.inFlight.delete(d.id);
      starts.splice(starts.indexOf(startedAt), 1);
      if (starts.length === 0) this.started.delete(d.endpointId);
      const n = (this.perEndpoint.get(d.endpointId) ?? 1) - 1;
      if (n <= 0) this.perEndpoint.delete(d.endpointId);
      else this.perEndpoint.set(d.endpointId, n);
      // Claim again once an endpoint has drained to half its slots, not after every attempt: a busy endpoint's
      // backlog is then fetched in batches instead of one claim per freed slot.
      if (n <= this.slotsFor(d.endpointId) / 2) this.wake();
    }
  }

  private async endpointsOf(batch: ClaimedDelivery[]): Promise<Map<string, Endpoint>> {
    const ids = [...new Set(batch.map((d) => d.endpointId))];
    const found = await Promise.all(ids.map((id) => this.s.store.endpoints.getById(id)));
    return new Map(found.filter((e): e is Endpoint => e !== undefined).map((e) => [e.id, e]));
  }

  private async secretsOf(batch: ClaimedDelivery[]): Promise<Map<string, string[]>> {
    const now = this.s.clock.now();
    const ids = [...new Set(batch.map((d) => d.accountId))];
    const lists = await Promise.all(ids.map(async (id) => [id, (await this.s.store.accounts.activeSecrets(id, now)).map((x) => x.secret)] as const));
    return new Map(lists);
  }
}
