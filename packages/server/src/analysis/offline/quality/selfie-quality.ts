// Quality of a selfie before any face model runs: sharp enough, large enough and light enough. Glare and
// document outlines do not apply to a face.
import type { DecodedPhoto } from '../image/decode-photo.ts';
import { toGrey } from '../image/grey-image.ts';
import { centreOf, meanLumaIn, sharpnessOf, wholeOf } from './photo-measures.ts';
import type { QualityIssue, QualityReport } from './quality-report.ts';
import { QUALITY_THRESHOLDS as T } from './quality-thresholds.ts';

export function checkSelfiePhoto(photo: DecodedPhoto): QualityReport {
  const grey = toGrey(photo.rgb);
  const measures = {
    sharpness: sharpnessOf(grey, wholeOf(grey), T.selfieSharpnessWidth),
    brightness: meanLumaIn(grey, centreOf(grey)),
    width: photo.originalWidth,
    height: photo.originalHeight,
  };
  const issues: QualityIssue[] = [];
  if (Math.min(measures.width, measures.height) < T.minSelfiePixels) issues.push('too_small');
  if (measures.brightness < T.minSelfieBrightness) issues.push('too_dark');
  // A dark photo is also a soft one; saying "too dark" alone tells the customer what to fix.
  else if (measures.sharpness < T.minSelfieSharpness) issues.push('blurry');
  return { ok: issues.length === 0, issues, measures };
}
