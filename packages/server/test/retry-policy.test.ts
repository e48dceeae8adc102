import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, RetryScheduleError, parseRetrySchedule } from '../src/config/retry-schedule.ts';
import { clampRetryAfter, nextAttemptDelay } from '../src/webhooks/engine/retry-policy.ts';

const random01 = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const schedule = fc.array(fc.integer({ min: 1, max: 30 * 24 * 3_600_000 }), { minLength: 1, maxLength: 20 });

describe('nextAttemptDelay', () => {
  it('follows the default schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    const middle = (): number => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7].map((attempts) => nextAttemptDelay(attempts, DEFAULT_RETRY_SCHEDULE, middle))).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(nextAttemptDelay(8, DEFAULT_RETRY_SCHEDULE, middle)).toBeNull();
  });

  it('reaches the jitter extremes at the ends of the random range', () => {
    expect(nextAttemptDelay(1, [10_000], () => 0)).toBe(8_000);
    expect(nextAttemptDelay(1, [10_000], () => 0.999_999_9)).toBe(12_000);
  });

  it('stays within ±20 % of the scheduled delay', () => {
    fc.assert(
      fc.property(schedule, fc.nat(), random01, (delays, pick, random) => {
        const attempts = (pick % delays.length) + 1;
        const base = delays[attempts - 1] ?? 0;
        const delay = nextAttemptDelay(attempts, delays, () => random);
        expect(delay).not.toBeNull();
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.2));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it('is exhausted exactly after the schedule length', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 50 }), random01, (delays, extra, random) => {
        expect(nextAttemptDelay(delays.length, delays, () => random)).not.toBeNull();
        expect(nextAttemptDelay(delays.length + 1 + extra, delays, () => random)).toBeNull();
      }),
    );
  });

  it('honours Retry-After, clamped to 1×–2× the delay it would otherwise use', () => {
    fc.assert(
      fc.property(schedule, fc.nat(), random01, fc.nat({ max: 100 * 24 * 3_600_000 }), (delays, pick, random, retryAfterMs) => {
        const attempts = (pick % delays.length) + 1;
        const scheduled = nextAttemptDelay(attempts, delays, () => random) ?? Number.NaN;
        const delay = nextAttemptDelay(attempts, delays, () => random, retryAfterMs) ?? Number.NaN;
        expect(delay).toBeGreaterThanOrEqual(scheduled);
        expect(delay).toBeLessThanOrEqual(2 * scheduled);
        if (retryAfterMs >= scheduled && retryAfterMs <= 2 * scheduled) expect(delay).toBe(retryAfterMs);
      }),
    );
  });

  it('does not retry past the schedule even when Retry-After asks to', () => {
    expect(nextAttemptDelay(2, [5_000], Math.random, 1_000)).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attemptsMade %d', (attempts) => {
    expect(() => nextAttemptDelay(attempts)).toThrow(RangeError);
  });
});

describe('clampRetryAfter', () => {
  it.each([
    [1_000, 5_000, 5_000],
    [7_000, 5_000, 7_000],
    [60_000, 5_000, 10_000],
  ])('clamps %d against %d to %d', (retryAfter, scheduled, expected) => {
    expect(clampRetryAfter(retryAfter, scheduled)).toBe(expected);
  });
});

describe('parseRetrySchedule', () => {
  it('parses the default configuration string to the default schedule', () => {
    expect(parseRetrySchedule('5s,5m,30m,2h,5h,10h,10h')).toEqual(DEFAULT_RETRY_SCHEDULE);
    expect(parseRetrySchedule(' 250ms , 1.5s, 1d ')).toEqual([250, 1_500, 86_400_000]);
  });

  it('parses any list of amounts with units', () => {
    const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
    const item = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(...(Object.keys(unitMs) as (keyof typeof unitMs)[])));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), (items) => {
        const text = items.map(([amount, unit]) => `${amount}${unit}`).join(',');
        expect(parseRetrySchedule(text)).toEqual(items.map(([amount, unit]) => amount * unitMs[unit]));
      }),
    );
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['5s,,5m', /item 2 \(""\)/],
    ['5s,5x', /item 2 \("5x"\).*ms, s, m, h or d/],
    ['5', /item 1 \("5"\)/],
    ['-5s', /item 1/],
    ['0s', /at least 1 ms/],
    ['0.1ms', /at least 1 ms/],
    ['5 s', /item 1/],
    [`${'9'.repeat(30)}d`, /too large/],
  ])('refuses %j with a clear error', (text, message) => {
    expect(() => parseRetrySchedule(text)).toThrow(RetryScheduleError);
    expect(() => parseRetrySchedule(text)).toThrow(message);
  });
});
