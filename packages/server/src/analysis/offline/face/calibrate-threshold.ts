// How the face-match threshold is chosen from labelled distances: the largest distance that keeps false
// accepts (strangers at or under it) within a budget, and the error rates any threshold gives.

export interface ErrorRates {
  /** Share of different-person pairs accepted. */
  falseAcceptRate: number;
  /** Share of same-person pairs rejected. */
  falseRejectRate: number;
}

export function errorRates(genuine: readonly number[], impostor: readonly number[], threshold: number): ErrorRates {
  return {
    falseAcceptRate: impostor.length === 0 ? 0 : impostor.filter((d) => d <= threshold).length / impostor.length,
    falseRejectRate: genuine.length === 0 ? 0 : genuine.filter((d) => d > threshold).length / genuine.length,
  };
}

/**
 * The largest threshold whose false-accept rate stays ≤ `maxFalseAccepts`: just under the impostor distance
 * that would push it over. Every genuine pair closer than that is accepted, so false rejects are as few as
 * that budget allows.
 */
export function thresholdForFalseAccepts(impostor: readonly number[], maxFalseAccepts: number): number {
  if (impostor.length === 0) throw new Error('no impostor distances to calibrate on');
  const sorted = [...impostor].sort((a, b) => a - b);
  const allowed = Math.floor(sorted.length * maxFalseAccepts);
  // Accepting `allowed` impostors means stopping just short of the next one.
  return sorted[allowed]! - 1e-6;
}
