// The face-match score mapping and the threshold calibration, as plain functions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorRates, thresholdForFalseAccepts } from '../../src/analysis/offline/face/calibrate-threshold.ts';
import { faceDistance, matchFaces, matchScore } from '../../src/analysis/offline/face/face-match.ts';

describe('face match', () => {
  it('maps distance to a 0–1 score that is 0.5 at the threshold and falls as faces differ', () => {
    expect(matchScore(0, 0.5)).toBe(1);
    expect(matchScore(0.5, 0.5)).toBe(0.5);
    expect(matchScore(1, 0.5)).toBe(0);
    expect(matchScore(3, 0.5)).toBe(0);
    fc.assert(fc.property(fc.float({ min: 0, max: 2, noNaN: true }), fc.float({ min: 0, max: 2, noNaN: true }), (a, b) => {
      return a <= b ? matchScore(a) >= matchScore(b) : matchScore(a) <= matchScore(b);
    }));
  });

  it('measures the Euclidean distance between descriptors', () => {
    expect(faceDistance([0, 0, 0], [1, 2, 2])).toBe(3);
    expect(matchFaces([0, 0], [0, 0.3], 0.4)).toEqual({ distance: 0.3, score: 1 - 0.3 / 0.8, match: true });
    expect(() => faceDistance([1], [1, 2])).toThrow('differ in length');
  });

  it('calibrates the largest threshold that keeps false accepts within budget', () => {
    const impostor = Array.from({ length: 200 }, (_, i) => 0.5 + i / 400);
    const threshold = thresholdForFalseAccepts(impostor, 0.01);
    expect(errorRates([], impostor, threshold).falseAcceptRate).toBeLessThanOrEqual(0.01);
    expect(errorRates([], impostor, threshold + 0.01).falseAcceptRate).toBeGreaterThan(0.01);
    expect(errorRates([0.2, 0.4, 0.6, 0.9], impostor, 0.5)).toEqual({ falseAcceptRate: 1 / 200, falseRejectRate: 0.5 });
  });
});
