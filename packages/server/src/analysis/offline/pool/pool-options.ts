// The analysis pool's settings and their defaults: how many threads, how long a task may run, and how much
// JavaScript heap a thread may use.
import { availableParallelism } from 'node:os';

export interface PoolOptions {
  /** Worker threads at most; default min(2, available cores). */
  size: number;
  /** A task running longer is answered `timeout` and its thread replaced. */
  taskTimeoutMs: number;
  /** V8 old-generation heap per thread (resourceLimits). Model tensors live in wasm memory, outside it. */
  maxOldGenerationSizeMb: number;
  /** V8 young-generation heap per thread (resourceLimits). */
  maxYoungGenerationSizeMb: number;
}

export const POOL_DEFAULTS: PoolOptions = {
  size: Math.min(2, availableParallelism()),
  // A front or selfie takes about half a second on one core; 15 s only trips on a photo that is stuck.
  taskTimeoutMs: 15_000,
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
};

export function resolvePoolOptions(options: Partial<PoolOptions> = {}): PoolOptions {
  const resolved = { ...POOL_DEFAULTS, ...options };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`analysis pool: ${name} must be a positive integer (got ${value})`);
  }
  return resolved;
}
