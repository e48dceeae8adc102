// Constant-time byte comparison for runtimes without node:crypto's timingSafeEqual.

/**
 * Always walks all of `expected` and folds every byte difference into one accumulator, so the time taken
 * depends only on `expected.length` (public: a MAC is 32 bytes), never on where the inputs differ.
 */
export function timingSafeEqual(expected: Uint8Array, actual: Uint8Array): boolean {
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ (actual[i] ?? 0);
  return diff === 0;
}
