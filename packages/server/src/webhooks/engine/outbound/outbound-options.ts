// Settings for outbound webhook requests, with the delivery policy's defaults filled in.

import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to every address it has; injectable so tests can play a hostile DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface OutboundOptions {
  /** Development: allow 127.0.0.0/8 and ::1. */
  allowLoopback?: boolean;
  /** Self-hosted networks: allow private, link-local and CGNAT ranges (never loopback, never cloud metadata). */
  allowPrivate?: boolean;
  /** Live mode: refuse plain http. */
  requireHttps?: boolean;
  /** Source address for outgoing connections, so deliveries leave from the published egress range. */
  localAddress?: string;
  /** HTTP(S) proxy to send through; destinations are still checked here first. */
  proxyUrl?: string;
  connectTimeoutMs?: number;
  /** Whole attempt: DNS, connect, request and reading the response excerpt. */
  totalTimeoutMs?: number;
  maxResponseBytes?: number;
  resolve?: Resolver;
}

export interface ResolvedOutboundOptions {
  readonly allowLoopback: boolean;
  readonly allowPrivate: boolean;
  readonly requireHttps: boolean;
  readonly localAddress: string | undefined;
  readonly proxyUrl: string | undefined;
  readonly connectTimeoutMs: number;
  readonly totalTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly resolve: Resolver;
}

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export const OUTBOUND_DEFAULTS: ResolvedOutboundOptions = Object.freeze({
  // Safe by default; the configuration turns loopback on for the local quick start.
  allowLoopback: false,
  allowPrivate: false,
  requireHttps: false,
  localAddress: undefined,
  proxyUrl: undefined,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxResponseBytes: 16 * 1024,
  resolve: systemResolver,
});

function positive(name: string, value: number): number {
  // A zero or NaN timeout would silently disable the limit it is meant to enforce.
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

/** Fills in defaults; throws RangeError for nonsensical limits (a programming or configuration error). */
export function resolveOutboundOptions(options: OutboundOptions | undefined): ResolvedOutboundOptions {
  if (options === undefined) return OUTBOUND_DEFAULTS;
  return {
    allowLoopback: options.allowLoopback ?? OUTBOUND_DEFAULTS.allowLoopback,
    allowPrivate: options.allowPrivate ?? OUTBOUND_DEFAULTS.allowPrivate,
    requireHttps: options.requireHttps ?? OUTBOUND_DEFAULTS.requireHttps,
    localAddress: options.localAddress,
    proxyUrl: options.proxyUrl,
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs ?? OUTBOUND_DEFAULTS.connectTimeoutMs),
    totalTimeoutMs: positive('totalTimeoutMs', options.totalTimeoutMs ?? OUTBOUND_DEFAULTS.totalTimeoutMs),
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes ?? OUTBOUND_DEFAULTS.maxResponseBytes),
    resolve: options.resolve ?? OUTBOUND_DEFAULTS.resolve,
  };
}
