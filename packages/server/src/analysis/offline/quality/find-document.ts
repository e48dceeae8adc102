// Finds the card or page in a photo: pixels unlike the background (judged from the photo's border) form the
// document, whose largest connected region must be close to a rectangle of an ID-1 card's or a passport
// page's proportions, and clear of the frame's edges. Assumes a document on a contrasting surface.
import type { RgbImage } from '../image/decode-photo.ts';
import { convexHull, minAreaRectangle, type Point } from './min-area-rectangle.ts';

export interface DocumentOutline {
  /** Corners, as shares (0–1) of the photo's width and height. */
  corners: [Point, Point, Point, Point];
  /** Long side over short side. */
  aspect: number;
  /** The outline's share of the photo's area. */
  areaShare: number;
  /** The region's convex area over its rectangle's area: 1 for a rectangle, 0.79 for an ellipse. */
  rectangularity: number;
  /** The region reaches the frame's edge: part of the document is probably outside the photo. */
  touchesEdge: boolean;
  /** The region, as a mask over the searched image (1 = document). */
  mask: Uint8Array;
}

export function findDocument(image: RgbImage): DocumentOutline | undefined {
  const { distance, threshold } = distanceFromBackground(image);
  const mask = largestRegion(distance, image.width, image.height, threshold);
  if (!mask) return undefined;
  const { points, touchesEdge } = rowExtremes(mask, image.width, image.height);
  const hull = convexHull(points);
  const rect = minAreaRectangle(hull);
  if (!rect || rect.short === 0) return undefined;
  return {
    corners: rect.corners.map((p) => ({ x: p.x / image.width, y: p.y / image.height })) as DocumentOutline['corners'],
    aspect: rect.long / rect.short,
    areaShare: rect.area / (image.width * image.height),
    rectangularity: polygonArea(hull) / rect.area,
    touchesEdge,
    mask: mask.data,
  };
}

/** Below this colour difference from the background, nothing counts as document (an empty table, say). */
const MIN_CONTRAST = 24;
/** The ring of the photo sampled for the background colour, as a share of the shorter side. */
const BORDER_SHARE = 0.03;
/**
 * A pixel is document when it differs from the background by more than this many times the surface's own
 * variation, read at the ring's 80th percentile: a document running off the edge may fill a fifth of it.
 */
const SPREAD_FACTOR = 2;
const SPREAD_QUANTILE = 0.8;

/**
 * Each pixel's largest channel difference from the background's median colour, and the difference above
 * which a pixel is not background: wider than the border's own variation (a grainy surface) and at least
 * MIN_CONTRAST. A fixed margin rather than a split of the histogram keeps a card's dark header band, which
 * can sit far closer to a dark table than the card's body does, inside the document.
 */
function distanceFromBackground({ data, width, height }: RgbImage): { distance: Uint8Array; threshold: number } {
  const ring = Math.max(1, Math.round(Math.min(width, height) * BORDER_SHARE));
  const inRing = (i: number): boolean => {
    const x = i % width, y = Math.floor(i / width);
    return x < ring || x >= width - ring || y < ring || y >= height - ring;
  };
  const samples: [number[], number[], number[]] = [[], [], []];
  for (let i = 0; i < width * height; i++) if (inRing(i)) for (let c = 0; c < 3; c++) samples[c]!.push(data[i * 3 + c]!);
  const background = samples.map((values) => quantile(values, 0.5));
  const distance = new Uint8Array(width * height);
  const borderDistances: number[] = [];
  for (let i = 0; i < distance.length; i++) {
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(data[i * 3 + c]! - background[c]!));
    distance[i] = d;
    if (inRing(i)) borderDistances.push(d);
  }
  return { distance, threshold: Math.max(MIN_CONTRAST, SPREAD_FACTOR * quantile(borderDistances, SPREAD_QUANTILE)) };
}

function quantile(values: number[], q: number): number {
  const sorted = values.sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

function largestRegion(distance: Uint8Array, width: number, height: number, threshold: number): { data: Uint8Array } | undefined {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let bestLabel = 0, bestSize = 0, next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || distance[start]! < threshold) continue;
    const size = flood(start, ++next, { label, stack, distance, width, height, threshold });
    if (size > bestSize) [bestSize, bestLabel] = [size, next];
  }
  if (bestSize === 0) return undefined;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = label[i] === bestLabel ? 1 : 0;
  return { data };
}

interface FloodState {
  label: Int32Array;
  stack: Int32Array;
  distance: Uint8Array;
  width: number;
  height: number;
  threshold: number;
}

function flood(start: number, id: number, s: FloodState): number {
  let top = 0, size = 0;
  s.stack[top++] = start;
  s.label[start] = id;
  while (top > 0) {
    const i = s.stack[--top]!;
    size++;
    const x = i % s.width;
    const neighbours = [x > 0 ? i - 1 : -1, x < s.width - 1 ? i + 1 : -1, i - s.width, i + s.width];
    for (const n of neighbours) {
      if (n < 0 || n >= s.label.length || s.label[n] !== 0 || s.distance[n]! < s.threshold) continue;
      s.label[n] = id;
      s.stack[top++] = n;
    }
  }
  return size;
}

/** Each row's leftmost and rightmost pixel of the region: enough for its convex hull. */
function rowExtremes(mask: { data: Uint8Array }, width: number, height: number): { points: Point[]; touchesEdge: boolean } {
  const points: Point[] = [];
  let touchesEdge = false;
  for (let y = 0; y < height; y++) {
    let left = -1, right = -1;
    for (let x = 0; x < width; x++) {
      if (mask.data[y * width + x] === 0) continue;
      if (left < 0) left = x;
      right = x;
    }
    if (left < 0) continue;
    if (left === 0 || right === width - 1 || y === 0 || y === height - 1) touchesEdge = true;
    points.push({ x: left, y }, { x: right + 1, y }, { x: left, y: y + 1 }, { x: right + 1, y: y + 1 });
  }
  return { points, touchesEdge };
}

function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}
