// Quality of a photo of a document's front, back or passport page: the document must be found whole in the
// frame, large enough in the camera's pixels, sharp, light enough and free of glare.
import sharp from 'sharp';
import type { DecodedPhoto, RgbImage } from '../image/decode-photo.ts';
import { toGrey, type Rect } from '../image/grey-image.ts';
import { findDocument, type DocumentOutline } from './find-document.ts';
import { meanLumaIn, saturatedShare, sharpnessOf, wholeOf } from './photo-measures.ts';
import type { QualityIssue, QualityMeasures, QualityReport } from './quality-report.ts';
import { QUALITY_THRESHOLDS as T } from './quality-thresholds.ts';

export async function checkDocumentPhoto(photo: DecodedPhoto): Promise<QualityReport> {
  const small = await shrink(photo.rgb, T.searchSide);
  const outline = findDocument(small);
  const shape = outline && shapeOf(outline);
  const found = outline && shape && outline.areaShare >= T.minDocumentShare && outline.rectangularity >= T.minRectangularity ? outline : undefined;
  const measures = measure(photo, small, found);
  const issues: QualityIssue[] = [];
  if (outline?.touchesEdge && outline.areaShare >= T.minDocumentShare) issues.push('document_cut_off');
  else if (!found) issues.push('document_not_found');
  const documentPixels = found ? longSidePixels(found, photo) : Math.max(photo.originalWidth, photo.originalHeight);
  if (documentPixels < T.minDocumentPixels) issues.push('too_small');
  // A dark photo is also a soft one; saying "too dark" alone tells the customer what to fix.
  if (measures.brightness < T.minDocumentBrightness) issues.push('too_dark');
  else if (measures.sharpness < T.minDocumentSharpness) issues.push('blurry');
  if (measures.glareShare! > T.maxGlareShare) issues.push('glare');
  return { ok: issues.length === 0, issues, measures, ...(found ? { documentCorners: found.corners, documentShape: shape } : {}) };
}

/** Sharpness and brightness of the document's region (the whole photo when none was found), and glare. */
function measure(photo: DecodedPhoto, small: RgbImage, found: DocumentOutline | undefined): QualityMeasures {
  const grey = toGrey(photo.rgb);
  const region = found ? boundingBox(found, photo.rgb) : wholeOf(grey);
  return {
    sharpness: sharpnessOf(grey, region),
    brightness: meanLumaIn(grey, region),
    width: photo.originalWidth,
    height: photo.originalHeight,
    // Without an outline, glare is judged over the whole photo: a highlight spilling off the card can be what hid it.
    glareShare: saturatedShare(small, T.saturatedLevel, found?.mask),
    ...(found ? { documentAspect: found.aspect, documentShare: found.areaShare } : {}),
  };
}

async function shrink(rgb: RgbImage, side: number): Promise<RgbImage> {
  const { data, info } = await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } })
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    // Wood grain, fabric and sensor noise would otherwise make the surface itself look like document.
    .median(5)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

function shapeOf(outline: DocumentOutline): 'id1' | 'passport_page' | undefined {
  const entries = Object.entries(T.documentAspects) as ['id1' | 'passport_page', number][];
  const [shape, aspect] = entries.reduce((a, b) => (Math.abs(Math.log(outline.aspect / b[1])) < Math.abs(Math.log(outline.aspect / a[1])) ? b : a));
  return Math.abs(outline.aspect / aspect - 1) <= T.aspectTolerance ? shape : undefined;
}

/** The outline's long side in the camera's pixels. */
function longSidePixels(outline: DocumentOutline, photo: DecodedPhoto): number {
  const [a, b, c] = outline.corners;
  const side = (p: { x: number; y: number }, q: { x: number; y: number }) =>
    Math.hypot((q.x - p.x) * photo.originalWidth, (q.y - p.y) * photo.originalHeight);
  return Math.max(side(a, b), side(b, c));
}

function boundingBox(outline: DocumentOutline, rgb: RgbImage): Rect {
  const xs = outline.corners.map((p) => Math.min(1, Math.max(0, p.x)) * rgb.width);
  const ys = outline.corners.map((p) => Math.min(1, Math.max(0, p.y)) * rgb.height);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(1, Math.max(...xs) - x), height: Math.max(1, Math.max(...ys) - y) };
}
