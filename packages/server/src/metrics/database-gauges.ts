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

  /** A gauge whose values are set from the scrape's snapshot; left empty when the database did not answer. */
  const gauge = (name: string, help: string, label: string, set: (s: Snapshot, value: (labelValue: string, v: number) => void) => void): void => {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const s = await snapshot();
        if (s) set(s, (labelValue, v) => this.set({ [label]: labelValue }, v));
      },
    });
  };

  gauge(
    'realid_webhook_queue_depth',
    'Webhook messages not finished, by state: due (waiting for a worker), scheduled (a later retry, or in flight), waiting (behind an earlier message of the same check).',
    'state',
    (s, set) => {
      for (const state of ['due', 'scheduled', 'waiting'] as const) set(state, s.queue[state]);
    },
  );
  gauge(
    'realid_webhook_queue_oldest_age_seconds',
    'Age of the oldest message by state: due (since it became due) and waiting (since it was queued); 0 when there is none.',
    'state',
    (s, set) => {
      const age = (t: number | null) => (t === null ? 0 : Math.max(0, s.at - t) / 1000);
      set('due', age(s.queue.oldestDueAt));
      set('waiting', age(s.queue.oldestWaitingAt));
    },
  );
  gauge('realid_webhook_endpoints', 'Webhook endpoints by health: failing (enabled, latest attempts failed) and disabled.', 'state', (s, set) => {
    set('failing', s.endpoints.failing);
    set('disabled', s.endpoints.disabled);
  });
  gauge('realid_checks_in_progress', 'Checks not finished yet, by step.', 'step', (s, set) => {
    for (const step of IN_PROGRESS_STEPS) set(step, s.checks.get(step) ?? 0);
  });
}
