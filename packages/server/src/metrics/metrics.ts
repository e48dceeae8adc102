// The process's Prometheus instruments. Labels are bounded sets chosen here (outcomes, status classes, route
// patterns, step names): never an account, endpoint, URL, key or anything a customer typed.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TaskOutcome } from '../analysis/offline/pool/task-outcome.ts';

/** `2xx`…`5xx`, or `none` when no answer came (timeout, refused connection, blocked address). */
export const statusClass = (status: number | null | undefined): string =>
  status === null || status === undefined || status < 100 || status > 599 ? 'none' : `${Math.floor(status / 100)}xx`;

export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestSeconds = new Histogram({
    name: 'realid_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly deliveryAttempts = new Counter({
    name: 'realid_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome (delivered, retry, failed: given up) and the receiver\'s status class (none: no answer).',
    labelNames: ['outcome', 'status_class'] as const,
    registers: [this.registry],
  });

  readonly deliveryLatencySeconds = new Histogram({
    name: 'realid_webhook_delivery_latency_seconds',
    help: 'From the message being queued (its event created, or a resend) to the receiver\'s 2xx.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300, 1800, 7200, 36000, 172800],
    registers: [this.registry],
  });

  readonly analysisSeconds = new Histogram({
    name: 'realid_analysis_duration_seconds',
    help: 'Time to analyse one photo, by analyzer (offline, manual, simulator), photo kind and result (accepted, retake, error).',
    labelNames: ['analyzer', 'kind', 'result'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 4, 8, 15, 30],
    registers: [this.registry],
  });

  readonly analysisTaskSeconds = new Histogram({
    name: 'realid_analysis_task_seconds',
    help: 'The offline analyzer\'s tasks on its worker threads, by task kind and status (done, timeout): time in the thread.',
    labelNames: ['task', 'status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 4, 8, 15, 30],
    registers: [this.registry],
  });

  readonly analysisTaskFailures = new Counter({
    name: 'realid_analysis_task_failures_total',
    help: 'Offline analysis tasks that failed (task_error, worker_crashed, worker_start_failed, pool_closed): each goes to manual review.',
    labelNames: ['task', 'failure'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'realid_rate_limited_total',
    help: 'Requests refused with 429 rate_limited, by limit (api: requests per key; login: failed sign-ins).',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly idempotentReplays = new Counter({
    name: 'realid_idempotent_replays_total',
    help: 'POST /checks answered from an earlier request with the same Idempotency-Key instead of creating a check.',
    registers: [this.registry],
  });

  /** For the analysis pool: every task's outcome. */
  readonly observeAnalysisTask = (task: string, outcome: TaskOutcome<unknown>): void => {
    if (outcome.status === 'failed') this.analysisTaskFailures.inc({ task, failure: outcome.failure });
    else this.analysisTaskSeconds.observe({ task, status: outcome.status }, outcome.ms / 1000);
  };

  private defaultsOn = false;

  /** Process metrics (CPU, memory, event-loop delay, GC): only where they are served, since they hook GC for good. */
  collectProcessMetrics(): void {
    if (this.defaultsOn) return;
    this.defaultsOn = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'realid_' });
  }
}
