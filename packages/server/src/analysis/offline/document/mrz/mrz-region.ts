// Where the MRZ is in a deskewed photo: two or three text lines of the same length, left-aligned, evenly
// spaced, much wider than tall; the lowest such group on the document.
import type { GreyImage } from '../image/grey-image.ts';
import { inkMask } from '../image/ink-mask.ts';
import { blobs, smearRows } from '../image/text-lines.ts';
import type { Box } from '../image/text-lines.ts';

export interface MrzRegion extends Box {
  /** Each line's box, top to bottom. */
  lines: Box[];
  lineCount: 2 | 3;
  /** Median height of the lines, in pixels. */
  lineHeight: number;
}

const height = (b: Box): number => b.bottom - b.top;
const width = (b: Box): number => b.right - b.left;

/** Long, thin blobs: MRZ lines are 30–44 characters about 1.45 character-pitches tall. */
function lineCandidates(boxes: Box[], imageWidth: number): Box[] {
  return boxes
    .filter((b) => width(b) >= imageWidth * 0.2 && height(b) >= 5 && width(b) / height(b) >= 10)
    .sort((a, b) => a.top - b.top);
}

/** Whether `next` continues the MRZ below `line`: same left edge, same width, one line pitch down. */
function continues(line: Box, next: Box): boolean {
  const h = Math.max(height(line), height(next));
  const pitch = (next.top + next.bottom - line.top - line.bottom) / 2;
  return (
    Math.abs(next.left - line.left) <= h * 1.2 &&
    Math.abs(width(next) - width(line)) <= Math.max(width(line) * 0.06, h * 1.5) &&
    Math.min(height(line), height(next)) / h >= 0.6 &&
    pitch >= h * 0.95 &&
    pitch <= h * 2.6
  );
}

function groupFrom(candidates: Box[], start: number): Box[] {
  const group = [candidates[start]!];
  for (let j = start + 1; j < candidates.length && group.length < 3; j++) {
    if (continues(group[group.length - 1]!, candidates[j]!)) group.push(candidates[j]!);
  }
  return group;
}

function regionOf(group: Box[]): MrzRegion {
  const heights = group.map(height).sort((a, b) => a - b);
  return {
    left: Math.min(...group.map((b) => b.left)),
    top: Math.min(...group.map((b) => b.top)),
    right: Math.max(...group.map((b) => b.right)),
    bottom: Math.max(...group.map((b) => b.bottom)),
    lines: group,
    lineCount: group.length as 2 | 3,
    lineHeight: heights[Math.floor(heights.length / 2)]!,
  };
}

/** The MRZ's box in `image` (deskewed), or null when no group of MRZ-like lines is there. */
export function findMrzRegion(image: GreyImage): MrzRegion | null {
  const window = Math.max(15, Math.round(image.width / 40) | 1);
  const mask = inkMask(image, window);
  const smeared = smearRows(mask, Math.max(3, Math.round(image.width / 45)));
  const candidates = lineCandidates(blobs(smeared, image.width, image.height), image.width);
  let best: MrzRegion | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const group = groupFrom(candidates, i);
    if (group.length < 2) continue;
    const region = regionOf(group);
    // More lines first (a TD1 card's three), then the wider group, then the lower one.
    if (!best || region.lineCount > best.lineCount || (region.lineCount === best.lineCount && width(region) >= width(best) * 0.95)) best = region;
  }
  return best;
}
