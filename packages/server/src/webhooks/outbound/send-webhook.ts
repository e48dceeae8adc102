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
  const literal = checkLiteralHost(url.hostname, options);
  if (literal !== null && !literal.ok) return failure(startedAt, literal.errorCode, literal.errorMessage);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('attempt timed out')), options.totalTimeoutMs);
  try {
    const destination = literal ?? (await resolveAndCheck(url.hostname, options, options.resolve, controller.signal));
    if (!destination.ok) return failure(startedAt, destination.errorCode, destination.errorMessage);
    return await post(url, destination.address, request, options, controller.signal, startedAt);
  } catch (error) {
    // The abort surfaces as whatever error the interrupted step raises; the flag is the truth.
    if (controller.signal.aborted) {
      return failure(startedAt, 'timeout', `no complete response within ${options.totalTimeoutMs} ms`);
    }
    const { errorCode, errorMessage } = classifyNetworkError(error);
    return failure(startedAt, errorCode, errorMessage);
  } finally {
    clearTimeout(timer);
  }
}

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

async function post(
  url: URL,
  address: IpAddress,
  request: WebhookRequest,
  options: ResolvedOutboundOptions,
  signal: AbortSignal,
  startedAt: number,
): Promise<SendResult> {
  const response = await outboundDispatcher(options).request({
    origin: originFor(url, address),
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    headers: headersFor(request.headers, url.host),
    body: request.body,
    signal,
  });
  const responseExcerpt = await readExcerpt(response.body, options.maxResponseBytes);
  const status = response.statusCode;
  const latencyMs = elapsedMs(startedAt);
  if (status >= 200 && status < 300) return { ok: true, status, latencyMs, responseExcerpt };

  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after'], Date.now()) : undefined;
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

/** Reads at most `limit` bytes, then destroys the body so a huge or endless response costs nothing more. */
async function readExcerpt(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks, Math.min(size, limit)).toString('utf8');
}
