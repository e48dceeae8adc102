// Constant-time comparison of an expected MAC encoding (base64 or hex) with the one received.

/**
 * Always walks all of `expected` and folds every character difference, and the length difference, into one
 * accumulator: the time taken depends only on `expected.length` (public: the encoding of a 32-byte MAC),
 * never on where or whether the inputs differ.
 */
export function timingSafeEqual(expected: string, actual: string): boolean {
  let diff = expected.length ^ actual.length;
  // charCodeAt past the end of `actual` is NaN, and NaN ^ x === x: a shorter input is already counted by the length term.
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  return diff === 0;
}
