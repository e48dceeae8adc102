// How many attempts each endpoint may have in flight from one worker, and the claimed deliveries held until
// their endpoint has a free slot: a slow or dead endpoint cannot take every slot, nor starve the others.

/** Slots an endpoint may hold while its last attempt failed: enough to notice recovery, too few to starve others. */
export const FAILING_ENDPOINT_SLOTS = 4;
const SLOW_ATTEMPT_MS = 1_000;

export interface SlotItem {
  readonly id: string;
  readonly endpointId: string;
}

/** After a slot is freed: claim again, only start what is held, or nothing yet. */
export type AfterRelease = 'claim' | 'start-held' | 'none';

export interface EndpointSlotsOptions {
  /** Slots of a healthy endpoint. */
  perEndpoint: number;
  /** A delivery held this long goes back to the queue (half its lease: nobody may claim it while it waits here). */
  maxHoldMs: number;
  /** Milliseconds on a monotonic clock; injectable for tests. */
  now?: () => number;
}

export class EndpointSlots<T extends SlotItem> {
  /** Ids of admitted deliveries (their attempt under way or about to start). */
  private readonly admitted = new Set<string>();
  private readonly taken = new Map<string, number>();
  /** Claimed but not started, per endpoint, oldest first. */
  private readonly held = new Map<string, { item: T; since: number }[]>();
  private heldTotal = 0;
  /** Endpoints whose latest attempt from this worker failed. */
  private readonly failing = new Set<string>();
  /** Start times of each endpoint's attempts in flight, oldest first. */
  private readonly started = new Map<string, number[]>();
  private readonly perEndpoint: number;
  private readonly maxHoldMs: number;
  private readonly now: () => number;

  constructor(options: EndpointSlotsOptions) {
    this.perEndpoint = options.perEndpoint;
    this.maxHoldMs = options.maxHoldMs;
    this.now = options.now ?? (() => performance.now());
  }

  /** Deliveries admitted and not yet released. */
  get inFlight(): number {
    return this.admitted.size;
  }

  get heldCount(): number {
    return this.heldTotal;
  }

  /** Endpoints a claim should skip: their slots taken, and as many again held here (none while they struggle). */
  saturated(): string[] {
    return [...new Set([...this.taken.keys(), ...this.held.keys()])].filter((id) => this.full(id));
  }

  /** Starts what has a free slot; holds the rest until one frees. Returns what may start now. */
  accept(claimed: readonly T[]): T[] {
    const since = this.now();
    return claimed.filter((d) => this.admit(d) || (this.hold(d, since), false));
  }

  /**
   * Held deliveries whose endpoints have a free slot (`ready`, admitted), and those to give back to the queue:
   * held for too long, or beyond the few slots of an endpoint that started struggling.
   */
  takeHeld(): { ready: T[]; back: string[] } {
    const ready: T[] = [];
    const back: string[] = [];
    if (this.heldTotal === 0) return { ready, back };
    const stale = this.now() - this.maxHoldMs;
    for (const [endpointId, queue] of this.held) {
      const struggling = this.slotsFor(endpointId) < this.perEndpoint;
      let i = 0;
      for (; i < queue.length; i++) {
        const { item, since } = queue[i]!;
        if (since < stale || (struggling && (this.taken.get(endpointId) ?? 0) >= this.slotsFor(endpointId))) back.push(item.id);
        else if (this.admit(item)) ready.push(item);
        else break;
      }
      this.heldTotal -= i;
      if (i === queue.length) this.held.delete(endpointId);
      else queue.splice(0, i);
    }
    return { ready, back };
  }

  /** Empties the held deliveries (the worker stops) and returns their ids, to give back. */
  dropHeld(): string[] {
    const ids = [...this.held.values()].flat().map((h) => h.item.id);
    this.held.clear();
    this.heldTotal = 0;
    return ids;
  }

  /** An admitted delivery's attempt begins; pass the returned start time to `release`. */
  begin(endpointId: string): number {
    const at = this.now();
    const starts = this.started.get(endpointId);
    if (starts) starts.push(at);
    else this.started.set(endpointId, [at]);
    return at;
  }

  /** What an attempt's answer says about its endpoint. */
  answered(endpointId: string, delivered: boolean): void {
    if (delivered) this.failing.delete(endpointId);
    else this.failing.add(endpointId);
  }

  /** Frees an admitted delivery's slot (`startedAt` from `begin`, if its attempt began) and says what next. */
  release(d: SlotItem, startedAt?: number): AfterRelease {
    if (startedAt !== undefined) {
      const starts = this.started.get(d.endpointId) ?? [];
      starts.splice(starts.indexOf(startedAt), 1);
      if (starts.length === 0) this.started.delete(d.endpointId);
    }
    this.admitted.delete(d.id);
    const n = (this.taken.get(d.endpointId) ?? 1) - 1;
    if (n <= 0) this.taken.delete(d.endpointId);
    else this.taken.set(d.endpointId, n);
    // Claim again once an endpoint has drained to half its slots, not after every attempt: a busy endpoint's
    // backlog is then fetched in batches instead of one claim per freed slot.
    if (n <= this.slotsFor(d.endpointId) / 2) return 'claim';
    return this.held.has(d.endpointId) ? 'start-held' : 'none';
  }

  private full(endpointId: string): boolean {
    const slots = this.slotsFor(endpointId);
    const limit = slots < this.perEndpoint ? slots : slots * 2;
    return (this.taken.get(endpointId) ?? 0) + (this.held.get(endpointId)?.length ?? 0) >= limit;
  }

  private hold(d: T, since: number): void {
    const queue = this.held.get(d.endpointId);
    if (queue) queue.push({ item: d, since });
    else this.held.set(d.endpointId, [{ item: d, since }]);
    this.heldTotal++;
  }

  /** Takes a slot of the delivery's endpoint, if one is free. */
  private admit(d: T): boolean {
    const n = this.taken.get(d.endpointId) ?? 0;
    if (n >= this.slotsFor(d.endpointId)) return false;
    this.taken.set(d.endpointId, n + 1);
    this.admitted.add(d.id);
    return true;
  }

  /** An endpoint that failed, or has had an attempt hanging for a second, gets only a few slots. */
  private slotsFor(endpointId: string): number {
    const oldest = this.started.get(endpointId)?.[0];
    const struggling = this.failing.has(endpointId) || (oldest !== undefined && this.now() - oldest > SLOW_ATTEMPT_MS);
    return struggling ? Math.min(FAILING_ENDPOINT_SLOTS, this.perEndpoint) : this.perEndpoint;
  }
}
