// When to try a webhook delivery again: a schedule that is data, jitter so retries of one outage
// do not arrive together, and a receiver's Retry-After honoured within bounds.
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '../../config/retry-schedule.ts';

/** Each delay is scaled by a factor drawn uniformly from [1 − JITTER, 1 + JITTER). */
export const JITTER = 0.2;

/** Returns a number in [0, 1), like Math.random; injectable for deterministic tests. */
export type RandomSource = () => number;

/** `delayMs` ± 20 %, rounded to whole milliseconds. */
export function withJitter(delayMs: number, random: RandomSource): number {
  return Math.round(delayMs * (1 + JITTER * (2 * random() - 1)));
}

/**
 * Honour a receiver's Retry-After, but only between 1× and 2× our own delay: shorter would let a
 * receiver pull retries in faster than the schedule allows, longer would let it stall the endpoint's
 * queue (later events of a check wait behind this one).
 */
export function clampRetryAfter(retryAfterMs: number, scheduledMs: number): number {
  return Math.min(Math.max(retryAfterMs, scheduledMs), 2 * scheduledMs);
}

/**
 * Milliseconds to wait before the next attempt, given how many attempts were made so far (≥ 1),
 * or null when the schedule is exhausted and the message should be marked failed.
 */
export function nextAttemptDelay(
  attemptsMade: number,
  schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE,
  random: RandomSource = Math.random,
  retryAfterMs?: number,
): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) {
    throw new RangeError(`attemptsMade must be an integer ≥ 1, got ${attemptsMade}`);
  }
  const base = schedule[attemptsMade - 1];
  if (base === undefined) return null;
  const scheduled = withJitter(base, random);
  return retryAfterMs === undefined ? scheduled : clampRetryAfter(retryAfterMs, scheduled);
}
