// The shape of the two face photo tasks (a document front, a selfie): decode, check the photo's quality, and
// only if the customer need not retake it look for faces — the front's portrait, the selfie's faces.
import type { DecodedPhoto } from '../image/decode-photo.ts';
import { decodePhoto } from '../image/decode-photo.ts';
import { limitImageLibraryForPool } from '../image/image-library.ts';
import { faceRuntime } from '../face/face-runtime.ts';
import { defineTask, type TaskDefinition } from '../pool/task-definition.ts';
import type { QualityReport } from '../quality/quality-report.ts';
import { timed, WORKING_SIDE, type PhotoInput, type StageTimings } from './photo-input.ts';

/** The quality report, the stage timings, and under `K` what was found (absent when a retake was asked for). */
export type QualityThenFaces<K extends string, F> = { quality: QualityReport; timings: StageTimings } & { [P in K]?: F };

export function qualityThenFaces<K extends string, F>(
  key: K,
  checkQuality: (photo: DecodedPhoto) => QualityReport | Promise<QualityReport>,
  findFaces: (photo: DecodedPhoto) => Promise<F>,
): TaskDefinition<PhotoInput, QualityThenFaces<K, F>> {
  return defineTask({
    async load() {
      limitImageLibraryForPool();
      await faceRuntime();
    },
    async run({ photo }) {
      const timings: StageTimings = {};
      const decoded = await timed(timings, 'decode', () => decodePhoto(photo, WORKING_SIDE));
      const quality = await timed(timings, 'quality', () => checkQuality(decoded));
      if (!quality.ok) return { quality, timings } as QualityThenFaces<K, F>;
      const found = await timed(timings, 'faces', () => findFaces(decoded));
      return { quality, timings, [key]: found } as QualityThenFaces<K, F>;
    },
  });
}
