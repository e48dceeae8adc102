// What the worker's recent claims showed about the queue, so that it does not make claims that can only come
// back empty. Endpoints at their cap are left out of a claim, and such a claim reads past their whole due
// backlog; after one that found less than it asked for, nothing is due outside the endpoints it skipped, and a
// claim skipping them all again would only read past them again.

export class ClaimMemory {
  /** No delivery is due outside these endpoints (as far as the claims since `since` showed). */
  private onlyIn: ReadonlySet<string> | undefined;
  private since = 0;
  /** The endpoints the claim under way skips, and a count of what may have come due behind its back. */
  private running: ReadonlySet<string> | undefined;
  private news = 0;

  /** `maxAgeMs`: how long what a claim showed is trusted (retries come due with time alone). */
  constructor(private readonly maxAgeMs: number) {}

  /** Anything may be due now: time passed, a test moved the clock, deliveries were given back. */
  forget(): void {
    this.onlyIn = undefined;
    this.news++;
  }

  /**
   * Deliveries of these endpoints may have become due (undefined: of any endpoint): new work was queued, or
   * an attempt finished and the next delivery in its line moved up.
   */
  due(endpointIds: readonly string[] | undefined): void {
    const only = this.onlyIn;
    if (!endpointIds || !only || endpointIds.some((id) => !only.has(id))) this.onlyIn = undefined;
    const skips = this.running;
    if (skips && (!endpointIds || endpointIds.some((id) => !skips.has(id)))) this.news++;
  }

  /** Whether a claim that skips these endpoints could find anything. */
  worthClaiming(skipped: readonly string[]): boolean {
    if (this.onlyIn && performance.now() - this.since > this.maxAgeMs) this.onlyIn = undefined;
    const only = this.onlyIn;
    return !only || [...only].some((id) => !skipped.includes(id));
  }

  /** Runs a claim that skips these endpoints and asks for `limit` deliveries, and learns from its answer. */
  async claim<T extends { endpointId: string }>(skipped: readonly string[], limit: number, run: () => Promise<T[]>): Promise<T[]> {
    const before = this.onlyIn;
    const news = this.news;
    this.running = new Set(skipped);
    let claimed: T[];
    try {
      claimed = await run();
    } finally {
      this.running = undefined;
    }
    if (news !== this.news) {
      // Work may have come due while the claim ran: what it saw is out of date.
      this.onlyIn = undefined;
    } else if (claimed.length < limit) {
      // Everything due outside the skipped endpoints is ours now.
      this.onlyIn = new Set(skipped);
      this.since = performance.now();
    } else if (claimed.some((d) => !before?.has(d.endpointId))) {
      // A full batch says nothing about what lies behind it, unless all of it came from the endpoints known
      // to be the only ones with work.
      this.onlyIn = undefined;
    }
    return claimed;
  }
}
