// The analysis pool, started on the first photo that needs it (a service that never sees a live photo never
// loads a model), and closed with the service.
import { createOfflinePool, type OfflineTasks } from './offline-tasks.ts';
import type { AnalysisPool, TaskObserver } from './pool/analysis-pool.ts';
import type { PoolOptions } from './pool/pool-options.ts';

export class LazyPool {
  private pool: Promise<AnalysisPool<OfflineTasks>> | undefined;

  constructor(
    private readonly options: Partial<PoolOptions> = {},
    private readonly observe?: TaskObserver,
  ) {}

  get(): Promise<AnalysisPool<OfflineTasks>> {
    this.pool ??= (async () => {
      const pool = createOfflinePool(this.options, this.observe);
      await pool.start();
      return pool;
    })();
    return this.pool;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await (await pool?.catch(() => undefined))?.close();
  }
}
