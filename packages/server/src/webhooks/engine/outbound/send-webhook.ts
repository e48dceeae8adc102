// Sends one webhook attempt to a merchant URL, safely: the destination is checked before any
// connection, the connection goes to the checked address, and every outcome is a SendResult.

import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { IpAddress } from './ip-address.ts';
import { classifyNetworkError } from './network-errors.ts';
import { outboundDispatcher } from './outbound-dispatcher.ts';
import { resolveOutboundOptions } from './outbound-options.ts';
import type { OutboundOptions, ResolvedOutboundOptions } from './outbound-options.ts';
import { parseRetryAfter } from './retry-after.ts';
import { checkLiteralHost, resolveAndCheck, type DestinationCheck } from './safe-lookup.ts';
import { elapsedMs, failure } from './send-result.ts';
import type { SendResult } from './send-result.ts';
import { parseWebhookUrl, type ParsedWebhookUrl } from './webhook-url.ts';

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
  const target = targetOf(request.url, options);
  if (!target.parsed.ok) return failure(startedAt, target.parsed.errorCode, target.parsed.errorMessage);
  const { url } = target.parsed;

  // IP literals are checked without DNS; a refused one costs no timer.
  let destination = target.literal;
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

interface Target {
  parsed: ParsedWebhookUrl;
  /** The check of an IP-literal host; null for a name, which is resolved (and checked) on every attempt. */
  literal: DestinationCheck | null;
}

const targets = new Map<string, Target>();

/** A URL's parse and, for an IP literal, its check depend only on the URL and the policy: kept, not redone per attempt. */
function targetOf(raw: string, options: ResolvedOutboundOptions): Target {
  const key = `${Number(options.requireHttps)}${Number(options.allowLoopback)}${Number(options.allowPrivate)}${raw}`;
  let target = targets.get(key);
  if (target === undefined) {
    const parsed = parseWebhookUrl(raw, options.requireHttps);
    target = { parsed, literal: parsed.ok ? checkLiteralHost(parsed.url.hostname, options) : null };
    // Endpoints are few per process; the cap only bounds a flood of distinct URLs.
    if (targets.size >= 10_000) targets.clear();
    targets.set(key, target);
  }
  return target;
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
    const handler = new AttemptHandler(resolve, startedAt, options);
    try {
      outboundDispatcher(options).dispatch(
        { origin: originFor(url, address), path: `${url.pathname}${url.search}`, method: 'POST', headers: headersFor(request.headers, url.host), body: request.body },
        handler,
      );
    } catch (error) {
      handler.failed(error);
    }
  });
}

/** One attempt's response, as undici hands it over (a class: no closures to create per request). */
class AttemptHandler implements Dispatcher.DispatchHandler {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private status = 0;
  private retryAfter: string | string[] | undefined;
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly resolve: (result: SendResult) => void,
    private readonly startedAt: number,
    private readonly options: ResolvedOutboundOptions,
  ) {
    this.timer = setTimeout(() => {
      this.settle(timedOut(startedAt, options));
      this.controller?.abort(new Error('attempt timed out'));
    }, Math.max(1, startedAt + options.totalTimeoutMs - performance.now()));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new Error('attempt timed out'));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.status = statusCode;
    this.retryAfter = headers['retry-after'];
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.size < this.options.maxResponseBytes) this.chunks.push(chunk);
    this.size += chunk.length;
    // Enough for the excerpt: a huge or endless response costs nothing more.
    if (this.size >= this.options.maxResponseBytes) {
      this.onResponseEnd();
      controller.abort(new Error('response excerpt complete'));
    }
  }

  onResponseEnd(): void {
    const excerpt = Buffer.concat(this.chunks, Math.min(this.size, this.options.maxResponseBytes)).toString('utf8');
    this.settle(answer(this.status, this.retryAfter, excerpt, this.startedAt));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.failed(error);
  }

  failed(error: unknown): void {
    const { errorCode, errorMessage } = classifyNetworkError(error);
    this.settle(failure(this.startedAt, errorCode, errorMessage));
  }

  private settle(result: SendResult): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve(result);
  }
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
