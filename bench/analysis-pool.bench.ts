// The offline analyzer on whole live checks: a licence front with the holder's portrait, its back with a real
// AAMVA PDF417, and a selfie, each analysed as it arrives (quality, portrait, barcode, rules, face match).
// Time to verdict is the analysis time of the three photos, one check at a time and four at once, while the
// main thread's event-loop delay is recorded; plus memory per thread.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LazyPool } from '../packages/server/src/analysis/offline/lazy-pool.ts';
import { OfflineAnalyzer } from '../packages/server/src/analysis/offline/offline-analyzer.ts';
import { checkPhotos, type CheckPhotos } from '../packages/server/test/support/synthetic/check-photos.ts';
import { runOfflineCheck } from '../packages/server/test/support/synthetic/offline-check-run.ts';
import { median, percentile } from './median.ts';
import type { BenchRow } from './run.ts';

const CHECKS_AT_ONCE = 4;
const ROUNDS = Number(process.env.ANALYSIS_BENCH_ROUNDS ?? 5);
/** People whose synthetic photos the models read at the first try: a retake would time the customer, not us. */
const SEEDS = [4, 5, 6, 7, 8, 9, 10, 11];

/** One genuine check's photos analysed as they arrive, with no retake: a retake would time the customer, not us. */
async function verdict(analyzer: OfflineAnalyzer, photos: CheckPhotos, today: string): Promise<{ ms: number; passed: boolean }> {
  const run = await runOfflineCheck(analyzer, 0, 'genuine', { today, maxRetakes: 0, photos });
  return { ms: run.ms, passed: run.outcome === 'completed' };
}

export default async function bench(): Promise<BenchRow[]> {
  const today = new Date().toISOString().slice(0, 10);
  const checks = await Promise.all(SEEDS.map((seed) => checkPhotos(seed, 'genuine', today)));
  const rssBefore = process.memoryUsage().rss;
  const pool = new LazyPool();
  const analyzer = new OfflineAnalyzer(pool);
  try {
    const threads = (await pool.get()).options.size;
    const rssLoaded = process.memoryUsage().rss;
    await verdict(analyzer, checks[0]!, today);
    const alone: number[] = [];
    let decided = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const check of checks.slice(0, CHECKS_AT_ONCE)) {
        const v = await verdict(analyzer, check, today);
        alone.push(v.ms);
        if (v.passed) decided++;
      }
    }
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const together: number[] = [];
    loop.enable();
    for (let round = 0; round < ROUNDS; round++) {
      const batch = checks.slice((round % 2) * CHECKS_AT_ONCE, (round % 2) * CHECKS_AT_ONCE + CHECKS_AT_ONCE);
      together.push(...(await Promise.all(batch.map(async (check) => (await verdict(analyzer, check, today)).ms))));
    }
    loop.disable();
    const rssWorked = process.memoryUsage().rss;
    return [
      { name: 'time to verdict, one check at a time, p50', value: median(alone), unit: 'ms', note: `front + back + selfie, ${alone.length} checks (${decided} passed every sub-check), ${threads} threads` },
      { name: 'time to verdict, one check at a time, p95', value: percentile(alone, 95), unit: 'ms' },
      { name: `time to verdict, ${CHECKS_AT_ONCE} checks at once, p50`, value: median(together), unit: 'ms', note: `${together.length} checks` },
      { name: `time to verdict, ${CHECKS_AT_ONCE} checks at once, p95`, value: percentile(together, 95), unit: 'ms' },
      { name: `event-loop delay while ${CHECKS_AT_ONCE} checks are analysed, p99`, value: loop.percentile(99) / 1e6, unit: 'ms', note: `max ${(loop.max / 1e6).toFixed(1)} ms` },
      { name: 'memory per analysis thread, models loaded (RSS)', value: (rssLoaded - rssBefore) / threads / 2 ** 20, unit: 'MiB' },
      { name: 'memory per analysis thread, after the run (RSS)', value: (rssWorked - rssBefore) / threads / 2 ** 20, unit: 'MiB' },
    ];
  } finally {
    await pool.close();
  }
}
