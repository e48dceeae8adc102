// When to try a webhook delivery again: a schedule that is data, jitter so retries of one outage
// do not arrive together, and a receiver's Retry-After honoured within bounds.

/** Delays in ms before the 2nd, 3rd, … attempt; the first attempt is immediate. */
export type RetrySchedule = readonly number[];

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = Object.freeze([
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]);

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

export class RetryScheduleError extends Error {
  readonly code = 'invalid_retry_schedule';
  override name = 'RetryScheduleError';
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: 24 * HOUR };
const ITEM = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Parses a configured schedule such as `"5s,5m,30m,2h,5h,10h,10h"` (units ms, s, m, h, d). */
export function parseRetrySchedule(text: string): RetrySchedule {
  if (text.trim() === '') {
    throw new RetryScheduleError('retry schedule is empty; give at least one delay, e.g. "5s,5m,30m"');
  }
  return Object.freeze(
    text.split(',').map((raw, index) => {
      const item = raw.trim();
      const match = ITEM.exec(item);
      const where = `retry schedule item ${index + 1} (${JSON.stringify(item)})`;
      if (match === null) {
        throw new RetryScheduleError(`${where}: expected a number followed by ms, s, m, h or d, e.g. "30m"`);
      }
      const [, amount = '', unit = ''] = match;
      const ms = Math.round(Number(amount) * (UNIT_MS[unit] ?? Number.NaN));
      if (!(ms >= 1)) throw new RetryScheduleError(`${where}: a delay must be at least 1 ms`);
      if (!Number.isSafeInteger(ms)) throw new RetryScheduleError(`${where}: delay is too large`);
      return ms;
    }),
  );
}
