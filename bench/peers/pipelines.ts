// The pipelines the peers bench compares, what each needs, and how to load it (in its own process only).
import type { PipelineFactory } from './pipeline.ts';

export interface PipelineInfo {
  label: string;
  /** The server whose CPU counts as part of the pipeline's. */
  server: 'none' | 'postgres' | 'redis';
  /** Runs realid on PostgreSQL (bench-service reads BENCH_DATABASE_URL). */
  realidOnPostgres?: boolean;
  load(): Promise<PipelineFactory>;
}

export const PIPELINES = {
  bare: { label: 'bare undici loop, signed headers', server: 'none', load: async () => (await import('./bare-loop.pipeline.ts')).startBareLoop },
  'realid-sqlite': { label: 'realid, SQLite', server: 'none', load: async () => (await import('./realid.pipeline.ts')).startRealid },
  'realid-postgres': { label: 'realid, PostgreSQL', server: 'postgres', realidOnPostgres: true, load: async () => (await import('./realid.pipeline.ts')).startRealid },
  'graphile-worker': { label: 'graphile-worker', server: 'postgres', load: async () => (await import('./graphile-worker.pipeline.ts')).startGraphileWorker },
  'pg-boss': { label: 'pg-boss', server: 'postgres', load: async () => (await import('./pg-boss.pipeline.ts')).startPgBoss },
  bullmq: { label: 'BullMQ', server: 'redis', load: async () => (await import('./bullmq.pipeline.ts')).startBullMQ },
} satisfies Record<string, PipelineInfo>;

export type PipelineName = keyof typeof PIPELINES;
export const PIPELINE_NAMES = Object.keys(PIPELINES) as PipelineName[];
