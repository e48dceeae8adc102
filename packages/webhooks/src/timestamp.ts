// Replay window: `webhook-timestamp` must be within the tolerance of this server's clock, in both directions.
import { WebhookVerificationError } from './errors.ts';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export function parseTimestamp(header: string): number {
  if (!/^\d{1,12}$/.test(header)) {
    throw new WebhookVerificationError('invalid_signature', 'The webhook-timestamp header must be an integer number of unix seconds.');
  }
  return Number(header);
}

export function checkTimestamp(timestamp: number, nowMs: number, toleranceSeconds: number): void {
  const skew = Math.floor(nowMs / 1000) - timestamp;
  if (skew > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `webhook-timestamp is ${skew} s behind this server's clock (tolerance ${toleranceSeconds} s): ` +
        `either the request was replayed or delayed, or this server's clock is ${skew} s fast. Check NTP.`,
    );
  }
  // Clamp the future too: a future-skewed timestamp would otherwise give a captured request an unbounded replay window.
  if (-skew > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `webhook-timestamp is ${-skew} s ahead of this server's clock (tolerance ${toleranceSeconds} s): ` +
        `this server's clock is probably ${-skew} s slow. Check NTP.`,
    );
  }
}
