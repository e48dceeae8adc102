// The process's Prometheus instruments. Labels are bounded sets chosen here (outcomes, status classes, route
// patterns, step names): never an account, endpoint, URL, key or anything a customer typed.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

  private defaultsOn = false;

  /** Process metrics (CPU, memory, event-loop delay, GC): only where they are served, since they hook GC for good. */
  collectProcessMetrics(): void {
    if (this.defaultsOn) return;
    this.defaultsOn = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'realid_' });
  }
}
