// What the domain needs from the outside world, injected once by createServices (or by a test).
import type { Logger } from 'pino';
import type { Analyzer } from '../analysis/analyzer-port.ts';
import type { LazyPool } from '../analysis/offline/lazy-pool.ts';
import type { BlobStore } from '../blobs/encrypted-blob-store.ts';
import type { Config } from '../config/config.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from './clock.ts';

export interface Services {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  blobs: BlobStore;
  mailer: Mailer;
  analyzers: Record<string, Analyzer>;
  /** The offline analyzer's worker threads, started on first use. */
  analysisPool: LazyPool;
  /** Prometheus instruments (served only when REALID_METRICS_PORT is set). */
  metrics: Metrics;
  /** Signs short-lived photo URLs. */
  urlKey: Buffer;
}
