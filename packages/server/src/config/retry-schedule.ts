// The webhook retry schedule as configured: delays given as text (`"5s,5m,30m"`), parsed once when the
// configuration is loaded.

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
