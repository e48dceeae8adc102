// The offline task kinds in real worker threads: a front and a selfie of one person analysed in the pool
// match; a photo to retake stops before the face models; a file that is not an image fails its task only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchFaces } from '../../src/analysis/offline/face/face-match.ts';
import { createOfflinePool, type OfflineTasks } from '../../src/analysis/offline/offline-tasks.ts';
import type { AnalysisPool } from '../../src/analysis/offline/pool/analysis-pool.ts';
import { documentFront, emptyTablePhoto, photographDocument } from '../support/synthetic/document-front.ts';
import { FACE_SOURCES } from '../support/synthetic/face-sources.ts';
import { syntheticIdentity } from '../support/synthetic/identity.ts';
import { seededRandom } from '../support/synthetic/seeded-random.ts';
import { selfie } from '../support/synthetic/selfie.ts';
import { liveThreads } from './live-threads.ts';

describe('offline analysis pool', { timeout: 120_000 }, () => {
  let pool: AnalysisPool<OfflineTasks>;
  let before: number;

  beforeAll(async () => {
    before = liveThreads();
    pool = createOfflinePool({ size: 2, taskTimeoutMs: 90_000 });
    await pool.start();
  });
  afterAll(async () => {
    await pool.close();
    expect(liveThreads()).toBe(before);
  });

  it('finds the portrait on a front and the face in a selfie, and they match', async () => {
    const person = FACE_SOURCES[11]!;
    const card = await documentFront(syntheticIdentity(seededRandom(1), { today: '2026-11-30' }), person, seededRandom(1));
    const [front, face] = await Promise.all([
      pool.run('photo.front', { photo: await photographDocument(card, seededRandom(2)) }),
      pool.run('photo.selfie', { photo: await selfie(person, seededRandom(3)) }),
    ]);
    if (front.status !== 'done' || face.status !== 'done') throw new Error(`analysis ${front.status}/${face.status}`);
    expect(front.value.quality).toMatchObject({ ok: true, documentShape: 'id1' });
    expect(face.value.faces).toMatchObject({ count: 1, verdict: 'one' });
    const match = matchFaces(front.value.portrait!.portrait!.descriptor, face.value.faces!.faces[0]!.descriptor);
    expect(match.match).toBe(true);
  });

  it('asks for a retake before running the face models', async () => {
    const blurry = await pool.run('photo.selfie', { photo: await selfie(FACE_SOURCES[2]!, seededRandom(4), { width: 900, degradation: { blurSigma: 6 } }) });
    expect(blurry).toMatchObject({ status: 'done', value: { quality: { ok: false, issues: ['blurry'] } } });
    expect(blurry.status === 'done' && blurry.value.faces).toBeUndefined();
    const table = await pool.run('quality.document', { photo: await emptyTablePhoto(seededRandom(5)) });
    expect(table).toMatchObject({ status: 'done', value: { ok: false } });
    expect(table.status === 'done' && table.value.issues).toContain('document_not_found');
  });

  it('fails the task of a file that is not an image and keeps serving', async () => {
    const broken = await pool.run('photo.front', { photo: new TextEncoder().encode('%PDF-1.7 not a photo') });
    expect(broken).toMatchObject({ status: 'failed', failure: 'task_error' });
    expect(await pool.run('quality.document', { photo: await emptyTablePhoto(seededRandom(6)) })).toMatchObject({ status: 'done' });
    expect(pool.threadCount).toBe(2);
  });
});
