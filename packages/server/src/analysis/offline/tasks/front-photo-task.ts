// Task `photo.front`: a document front's quality, then (only if the customer need not retake it) the
// holder's portrait with its descriptor.
import { documentPortrait, type DocumentPortrait } from '../face/document-portrait.ts';
import { faceRuntime } from '../face/face-runtime.ts';
import { decodePhoto } from '../image/decode-photo.ts';
import { limitImageLibraryForPool } from '../image/image-library.ts';
import { defineTask } from '../pool/task-definition.ts';
import { checkDocumentPhoto } from '../quality/document-quality.ts';
import type { QualityReport } from '../quality/quality-report.ts';
import { timed, WORKING_SIDE, type PhotoInput, type StageTimings } from './photo-input.ts';

export interface FrontPhotoResult {
  quality: QualityReport;
  /** Absent when the quality check asked for a retake. */
  portrait?: DocumentPortrait;
  timings: StageTimings;
}

export default defineTask<PhotoInput, FrontPhotoResult>({
  async load() {
    limitImageLibraryForPool();
    await faceRuntime();
  },
  async run({ photo }) {
    const timings: StageTimings = {};
    const decoded = await timed(timings, 'decode', () => decodePhoto(photo, WORKING_SIDE));
    const quality = await timed(timings, 'quality', () => checkDocumentPhoto(decoded));
    if (!quality.ok) return { quality, timings };
    const portrait = await timed(timings, 'faces', () => documentPortrait(decoded));
    return { quality, portrait, timings };
  },
});
