// Gauges read from the database when Prometheus scrapes: the delivery queue, endpoint health, checks in
// progress. They describe the shared database, so every process reports the same values (aggregate with max).
import { Gauge } from 'prom-client';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import type { EndpointStats, QueueStats, ServiceStatsRepo } from '../store/service-stats-repo.ts';
import type { Metrics } from './metrics.ts';

interface Snapshot {
  at: number;
  queue: QueueStats;
  endpoints: EndpointStats;
  checks: Map<string, number>;
}

const IN_PROGRESS_STEPS = ['delivered', 'opened', 'submitted-photo'];

export function registerDatabaseGauges(metrics: Metrics, stats: ServiceStatsRepo, clock: Clock, logger: Logger): void {
  // One scrape collects every gauge at once: they share one round of queries.
  let current: { promise: Promise<Snapshot | undefined>; started: number } | undefined;
  const snapshot = (): Promise<Snapshot | undefined> => {
    if (current && performance.now() - current.started < 1_000) return current.promise;
    const promise = (async () => {
      try {
        const [queue, endpoints, checks] = await Promise.all([stats.queue(clock.now()), stats.endpoints(), stats.checksInProgress()]);
        return { at: clock.now(), queue, endpoints, checks };
      } catch (error) {
        // The scrape still answers (process metrics, counters); the gauges are left out until the database answers.
        logger.warn({ err: { message: (error as Error).message } }, 'metrics: the database gauges could not be read');
        return undefined;
      }
    })();
    current = { promise, started: performance.now() };
    return promise;
  };

  const registers = [metrics.registry];
  new Gauge({
    name: 'realid_webhook_queue_depth',
    help: 'Webhook messages not finished, by state: due (waiting for a worker), scheduled (a later retry, or in flight), waiting (behind an earlier message of the same check).',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      this.reset();
      const s = await snapshot();
      if (!s) return;
      for (const state of ['due', 'scheduled', 'waiting'] as const) this.set({ state }, s.queue[state]);
    },
  });
  new Gauge({
    name: 'realid_webhook_queue_oldest_age_seconds',
    help: 'Age of the oldest message by state: due (since it became due) and waiting (since it was queued); 0 when there is none.',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      this.reset();
      const s = await snapshot();
      if (!s) return;
      const age = (t: number | null) => (t === null ? 0 : Math.max(0, s.at - t) / 1000);
      this.set({ state: 'due' }, age(s.queue.oldestDueAt));
      this.set({ state: 'waiting' }, age(s.queue.oldestWaitingAt));
    },
  });
  new Gauge({
    name: 'realid_webhook_endpoints',
    help: 'Webhook endpoints by health: failing (enabled, latest attempts failed) and disabled.',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      this.reset();
      const s = await snapshot();
      if (!s) return;
      this.set({ state: 'failing' }, s.endpoints.failing);
      this.set({ state: 'disabled' }, s.endpoints.disabled);
    },
  });
  new Gauge({
    name: 'realid_checks_in_progress',
    help: 'Checks not finished yet, by step.',
    labelNames: ['step'] as const,
    registers,
    async collect() {
      this.reset();
      const s = await snapshot();
      if (!s) return;
      for (const step of IN_PROGRESS_STEPS) this.set({ step }, s.checks.get(step) ?? 0);
    },
  });
}
