// Whether two face descriptors belong to one person: their Euclidean distance against a threshold
// calibrated on the synthetic set (docs/architecture.md, "Offline analysis"), and a 0–1 score for people.

/**
 * Distances at or below this are the same person. Calibrated with bench/eval-faces.ts: the largest distance
 * that keeps false accepts ≤ 1 % on the synthetic set, then checked for false rejects ≤ 5 % on another seed.
 */
export const FACE_MATCH_THRESHOLD = 0.51;

export interface FaceMatch {
  /** Euclidean distance between the descriptors; 0 for identical faces, about 0.8–1.2 for strangers. */
  distance: number;
  /** 1 − distance / (2 × threshold), clamped to 0–1: 0.5 exactly at the threshold, higher = more alike. */
  score: number;
  match: boolean;
}

export function faceDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`descriptors differ in length (${a.length} and ${b.length})`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

export function matchScore(distance: number, threshold = FACE_MATCH_THRESHOLD): number {
  return Math.min(1, Math.max(0, 1 - distance / (2 * threshold)));
}

export function matchFaces(a: readonly number[], b: readonly number[], threshold = FACE_MATCH_THRESHOLD): FaceMatch {
  const distance = faceDistance(a, b);
  return { distance, score: matchScore(distance, threshold), match: distance <= threshold };
}
