// Task `photo.selfie`: a selfie's quality, then (only if the customer need not retake it) its faces with
// their descriptors and head poses.
import { faceRuntime } from '../face/face-runtime.ts';
import { selfieFaces, type SelfieFaces } from '../face/selfie-faces.ts';
import { decodePhoto } from '../image/decode-photo.ts';
import { limitImageLibraryForPool } from '../image/image-library.ts';
import { defineTask } from '../pool/task-definition.ts';
import type { QualityReport } from '../quality/quality-report.ts';
import { checkSelfiePhoto } from '../quality/selfie-quality.ts';
import { timed, WORKING_SIDE, type PhotoInput, type StageTimings } from './photo-input.ts';

export interface SelfiePhotoResult {
  quality: QualityReport;
  /** Absent when the quality check asked for a retake. */
  faces?: SelfieFaces;
  timings: StageTimings;
}

export default defineTask<PhotoInput, SelfiePhotoResult>({
  async load() {
    limitImageLibraryForPool();
    await faceRuntime();
  },
  async run({ photo }) {
    const timings: StageTimings = {};
    const decoded = await timed(timings, 'decode', () => decodePhoto(photo, WORKING_SIDE));
    const quality = await timed(timings, 'quality', () => checkSelfiePhoto(decoded));
    if (!quality.ok) return { quality, timings };
    const faces = await timed(timings, 'faces', () => selfieFaces(decoded));
    return { quality, faces, timings };
  },
});
