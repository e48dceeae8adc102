// Sends one webhook attempt to a merchant URL, safely: the destination is checked before any
// connection, the connection goes to the checked address, and every outcome is a SendResult.

import type { Dispatcher } from 'undici';
import type { IpAddress } from './ip-address.ts';
import { classifyNetworkError } from './network-errors.ts';
import { outboundDispatcher } from './outbound-dispatcher.ts';
import { resolveOutboundOptions } from './outbound-options.ts';
import type { OutboundOptions, ResolvedOutboundOptions } from './outbound-options.ts';
import { parseRetryAfter } from './retry-after.ts';
import { checkLiteralHost, resolveAndCheck } from './safe-lookup.ts';
import { elapsedMs, failure } from './send-result.ts';
import type { SendResult } from './send-result.ts';
import { parseWebhookUrl } from './webhook-url.ts';

export interface WebhookRequest {
  readonly url: string;
  /** Signature and content headers; `Host` is ours to set and is replaced. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
  readonly options?: OutboundOptions;
}

/**
 * POSTs `body` to `url`. Resolves for every network outcome (refusals, timeouts, resets, non-2xx);
 * rejects only on invalid options, which are programming or configuration errors.
 */
export async function sendWebhook(request: WebhookRequest): Promise<SendResult> {
  const startedAt = performance.now();
  const options = resolveOutboundOptions(request.options);
  const parsed = parseWebhookUrl(request.url, options.requireHttps);
  if (!parsed.ok) return failure(startedAt, parsed.errorCode, parsed.errorMessage);
  const { url } = parsed;

  // IP literals are checked without DNS; a refused one costs no timer.
  let destination = checkLiteralHost(url.hostname, options);
  if (destination === null) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('attempt timed out')), options.totalTimeoutMs);
    try {
      destination = await resolveAndCheck(url.hostname, options, options.resolve, controller.signal);
    } catch {
      // resolveAndCheck rejects only when the attempt's time ran out.
      return timedOut(startedAt, options);
    } finally {
      clearTimeout(timer);
    }
  }
  if (!destination.ok) return failure(startedAt, destination.errorCode, destination.errorMessage);
  return post(url, destination.address, request, options, startedAt);
}

const timedOut = (startedAt: number, options: ResolvedOutboundOptions): SendResult =>
  failure(startedAt, 'timeout', `no complete response within ${options.totalTimeoutMs} ms`);

/** The checked address as an origin, so neither undici nor a proxy ever resolves the name again. */
function originFor(url: URL, address: IpAddress): string {
  const host = address.family === 6 ? `[${address.text}]` : address.text;
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  return `${url.protocol}//${host}:${port}`;
}

/** The merchant's host name travels in `Host`, from which undici also takes the TLS servername (SNI and certificate check). */
function headersFor(headers: Readonly<Record<string, string>>, host: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'host') out[name] = value;
  }
  out.host = host;
  return out;
}

/**
 * undici's dispatch API with a handler of our own: the response is read into the excerpt as it arrives,
 * without a stream, an async iterator or an AbortSignal per request. The attempt's whole-time limit runs
 * from `startedAt`; past it the request is aborted, or cancelled as soon as it starts if still connecting.
 */
function post(url: URL, address: IpAddress, request: WebhookRequest, options: ResolvedOutboundOptions, startedAt: number): Promise<SendResult> {
  return new Promise((resolve) => {
    const limit = options.maxResponseBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    let status = 0;
    let retryAfter: string | string[] | undefined;
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    const settle = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const failed = (error: unknown): void => {
      const { errorCode, errorMessage } = classifyNetworkError(error);
      settle(failure(startedAt, errorCode, errorMessage));
    };
    const answered = (): void => settle(answer(status, retryAfter, Buffer.concat(chunks, Math.min(size, limit)).toString('utf8'), startedAt));
    const timer = setTimeout(() => {
      settle(timedOut(startedAt, options));
      controller?.abort(new Error('attempt timed out'));
    }, Math.max(1, startedAt + options.totalTimeoutMs - performance.now()));
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        if (settled) c.abort(new Error('attempt timed out'));
      },
      onResponseStart(_c, statusCode, headers) {
        status = statusCode;
        retryAfter = headers['retry-after'];
      },
      onResponseData(c, chunk) {
        if (size < limit) chunks.push(chunk);
        size += chunk.length;
        // Enough for the excerpt: a huge or endless response costs nothing more.
        if (size >= limit) {
          answered();
          c.abort(new Error('response excerpt complete'));
        }
      },
      onResponseEnd: answered,
      onResponseError: (_c, error) => failed(error),
    };
    try {
      outboundDispatcher(options).dispatch(
        { origin: originFor(url, address), path: `${url.pathname}${url.search}`, method: 'POST', headers: headersFor(request.headers, url.host), body: request.body },
        handler,
      );
    } catch (error) {
      failed(error);
    }
  });
}

function answer(status: number, retryAfter: string | string[] | undefined, responseExcerpt: string, startedAt: number): SendResult {
  const latencyMs = elapsedMs(startedAt);
  if (status >= 200 && status < 300) return { ok: true, status, latencyMs, responseExcerpt };
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter, Date.now()) : undefined;
  return {
    ok: false,
    status,
    latencyMs,
    // Redirects count as failures and are not followed: a 3xx could point anywhere, including inside our network.
    errorCode: 'http_status',
    errorMessage: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`,
    responseExcerpt,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(status === 410 ? { gone: true } : {}),
  };
}
