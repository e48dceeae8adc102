// The offline analysis pool under load: 4 checks at once, each with a front (quality + portrait), a back
// (quality) and a selfie (quality + faces), then the match; while the main thread's event-loop delay is
// recorded. Reports time to verdict per check (alone and 4 at once), time per photo, and memory per thread.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { matchFaces } from '../packages/server/src/analysis/offline/face/face-match.ts';
import { createOfflinePool } from '../packages/server/src/analysis/offline/offline-tasks.ts';
import { backStandIn } from '../packages/server/test/support/synthetic/document-back.ts';
import { documentFront, photographDocument } from '../packages/server/test/support/synthetic/document-front.ts';
import { FACE_SOURCES } from '../packages/server/test/support/synthetic/face-sources.ts';
import { syntheticIdentity } from '../packages/server/test/support/synthetic/identity.ts';
import { seededRandom } from '../packages/server/test/support/synthetic/seeded-random.ts';
import { selfie } from '../packages/server/test/support/synthetic/selfie.ts';
import { median, percentile } from './median.ts';
import type { BenchRow } from './run.ts';

const CHECKS_AT_ONCE = 4;
const ROUNDS = Number(process.env.ANALYSIS_BENCH_ROUNDS ?? 5);

interface CheckPhotos {
  front: Buffer;
  back: Buffer;
  selfie: Buffer;
}

async function checkPhotos(n: number): Promise<CheckPhotos> {
  const random = seededRandom(7_000 + n);
  const person = FACE_SOURCES[n % FACE_SOURCES.length]!;
  const card = await documentFront(syntheticIdentity(random, { today: '2026-11-30' }), person, random);
  return {
    front: await photographDocument(card, random),
    back: await photographDocument(await backStandIn(random), random),
    selfie: await selfie(person, random),
  };
}

type Pool = ReturnType<typeof createOfflinePool>;

/** All three photos submitted together, as a customer's last upload would leave them; resolves at the verdict. */
async function verdict(pool: Pool, photos: CheckPhotos, photoMs: number[]): Promise<number> {
  const started = performance.now();
  const timed = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    photoMs.push(performance.now() - started);
    return result;
  };
  const [front, , face] = await Promise.all([
    timed(pool.run('photo.front', { photo: photos.front })),
    timed(pool.run('quality.document', { photo: photos.back })),
    timed(pool.run('photo.selfie', { photo: photos.selfie })),
  ]);
  const portrait = front.status === 'done' ? front.value.portrait?.portrait : undefined;
  const one = face.status === 'done' && face.value.faces?.verdict === 'one' ? face.value.faces.faces[0] : undefined;
  if (portrait && one) matchFaces(portrait.descriptor, one.descriptor);
  return performance.now() - started;
}

export default async function bench(): Promise<BenchRow[]> {
  const photos = await Promise.all(Array.from({ length: CHECKS_AT_ONCE * 2 }, (_, n) => checkPhotos(n)));
  const rssBefore = process.memoryUsage().rss;
  const pool = createOfflinePool();
  try {
    await pool.start();
    const rssLoaded = process.memoryUsage().rss;
    await verdict(pool, photos[0]!, []);
    const alone: number[] = [];
    for (let round = 0; round < ROUNDS; round++) for (const check of photos.slice(0, CHECKS_AT_ONCE)) alone.push(await verdict(pool, check, []));
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const together: number[] = [];
    const photoMs: number[] = [];
    loop.enable();
    for (let round = 0; round < ROUNDS; round++) {
      const batch = photos.slice((round % 2) * CHECKS_AT_ONCE, (round % 2) * CHECKS_AT_ONCE + CHECKS_AT_ONCE);
      together.push(...(await Promise.all(batch.map((check) => verdict(pool, check, photoMs)))));
    }
    loop.disable();
    const rssWorked = process.memoryUsage().rss;
    const size = pool.options.size;
    return [
      { name: `time to verdict, one check at a time, p50`, value: median(alone), unit: 'ms', note: `front + back + selfie, ${alone.length} checks, ${size} threads` },
      { name: `time to verdict, one check at a time, p95`, value: percentile(alone, 95), unit: 'ms' },
      { name: `time to verdict, ${CHECKS_AT_ONCE} checks at once, p50`, value: median(together), unit: 'ms', note: `${together.length} checks` },
      { name: `time to verdict, ${CHECKS_AT_ONCE} checks at once, p95`, value: percentile(together, 95), unit: 'ms' },
      { name: `time per photo (queue + analysis), ${CHECKS_AT_ONCE} checks at once, median`, value: median(photoMs), unit: 'ms', note: `${photoMs.length} photos` },
      { name: `time per photo (queue + analysis), ${CHECKS_AT_ONCE} checks at once, p95`, value: percentile(photoMs, 95), unit: 'ms' },
      { name: 'event-loop delay while analysing, p99', value: loop.percentile(99) / 1e6, unit: 'ms', note: `max ${(loop.max / 1e6).toFixed(1)} ms` },
      { name: 'memory per analysis thread, models loaded (RSS)', value: (rssLoaded - rssBefore) / size / 2 ** 20, unit: 'MiB' },
      { name: 'memory per analysis thread, after the run (RSS)', value: (rssWorked - rssBefore) / size / 2 ** 20, unit: 'MiB' },
    ];
  } finally {
    await pool.close();
  }
}
