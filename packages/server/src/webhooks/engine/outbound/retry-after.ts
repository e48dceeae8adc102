// Parses an HTTP Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.

// All three HTTP-date forms start with a day name; insisting on it keeps Date.parse's leniency
// from turning junk like "12 parsecs" into a date.
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? /i;

/** Milliseconds to wait, or undefined when the value is missing or not understood. */
export function parseRetryAfter(value: string | readonly string[] | undefined, now: number): number | undefined {
  const text = (typeof value === 'string' ? value : value?.[0])?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^[0-9]+$/.test(text)) {
    const ms = Number(text) * 1000;
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
