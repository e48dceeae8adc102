// What one delivery attempt produced: the record the worker stores and the retry policy reads.

export type SendErrorCode =
  | 'timeout'
  | 'connection_refused'
  | 'connection_reset'
  | 'dns'
  | 'blocked_address'
  | 'tls'
  | 'http_status'
  | 'invalid_url'
  | 'https_required'
  | 'network';

export interface SendResult {
  /** True for a 2xx answer only. */
  readonly ok: boolean;
  readonly status?: number;
  /** Whole attempt, in whole milliseconds (stored in an integer column). */
  readonly latencyMs: number;
  readonly errorCode?: SendErrorCode;
  /** Safe to store and show to the merchant: never contains headers, bodies or the full URL. */
  readonly errorMessage?: string;
  /** The first bytes of the response body (UTF-8, at most `maxResponseBytes`). */
  readonly responseExcerpt?: string;
  /** From Retry-After on 429 and 503. */
  readonly retryAfterMs?: number;
  /** 410 Gone: the merchant asked us to stop; the endpoint should be disabled. */
  readonly gone?: boolean;
}

export const elapsedMs = (startedAt: number): number => Math.round(performance.now() - startedAt);

export function failure(startedAt: number, errorCode: SendErrorCode, errorMessage: string): SendResult {
  return { ok: false, latencyMs: elapsedMs(startedAt), errorCode, errorMessage };
}
