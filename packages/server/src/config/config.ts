// Configuration, layered: defaults → JSON file → environment → command-line flags; validated once at start.
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule, type RetrySchedule } from './retry-schedule.ts';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL schema for realid's tables (default: the connection's search_path, usually public). */
  databaseSchema: string | undefined;
  /** PostgreSQL: named prepared statements; false behind a pooler that does not keep them per client. */
  databasePreparedStatements: boolean;
  /**
   * PostgreSQL: connections of the delivery worker's own for what it reads (payloads, endpoints, secrets),
   * beside the API's pool, so API transactions never queue ahead of deliveries.
   */
  databaseWorkerConnections: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  encryptionKey: string | undefined;
  /** Keys that only unwrap, during a master key rotation (never wrap anything new). */
  previousEncryptionKeys: string[];
  /** The master key's file when `encryptionKey` is not set; default `<dataDir>/keys/master.key`. */
  keyFile: string | undefined;
  logLevel: string;
  /** Behind a reverse proxy: believe its X-Forwarded-* headers (client address for rate limits, https). */
  trustProxy: boolean;
  /** Limits that keep slow or idle clients from holding the HTTP server's connections (http/connection-limits.ts). */
  http: {
    /** A request's headers must arrive within this time of its first byte. */
    headersTimeoutMs: number;
    /** The whole request, body included, must arrive within this time (a photo upload on a slow phone, too). */
    requestTimeoutMs: number;
    /** An idle keep-alive connection is closed after this time. */
    keepAliveTimeoutMs: number;
    /** Connections past this many are closed as they arrive, so clients cannot use up the process's file descriptors. */
    maxConnections: number;
  };
  /** Prometheus metrics on a port of their own (off when undefined), so the public port never shows them. */
  metrics: { port: number | undefined; host: string | undefined };
  /** Limits per caller, counted in the database so they hold across processes. */
  rateLimits: {
    /** Requests per API key (or dashboard user) per minute. */
    apiPerMinute: number;
    /** Failed sign-ins per email, and per client address, within `loginWindowMinutes`. */
    loginPerEmail: number;
    loginPerAddress: number;
    loginWindowMinutes: number;
  };
  linkTtlHours: number;
  maxPhotoBytes: number;
  maxPhotosPerCheck: number;
  analyzers: { test: string; live: string };
  /** The offline analyzer's pool of worker threads. */
  analysis: { threads: number; taskTimeoutMs: number };
  webhooks: {
    /** Test endpoints may reach loopback (live ones never: webhooks/engine/destination-policy.ts). */
    allowLoopback: boolean;
    /** Test endpoints may reach private, link-local and CGNAT addresses (never loopback or metadata). */
    allowPrivate: boolean;
    /** Parsed once, here; given as text such as `"5s,5m,30m"` (REALID_RETRY_SCHEDULE). */
    retrySchedule: RetrySchedule;
    secretOverlapHours: number;
    disableAfterDays: number;
    egressRanges: string[];
    localAddress: string | undefined;
    proxyUrl: string | undefined;
    connectTimeoutMs: number;
    totalTimeoutMs: number;
    concurrency: number;
    perEndpointConcurrency: number;
    /** Sign and send on a thread of their own; undefined: with SQLite yes, with PostgreSQL no. */
    senderThread: boolean | undefined;
  };
}

export const DEFAULTS: Config = {
  port: 4000,
  host: '0.0.0.0',
  publicUrl: '',
  dataDir: './data',
  databaseUrl: undefined,
  databaseSchema: undefined,
  databasePreparedStatements: true,
  databaseWorkerConnections: 3,
  smtpUrl: undefined,
  mailFrom: 'realid <no-reply@localhost>',
  encryptionKey: undefined,
  previousEncryptionKeys: [],
  keyFile: undefined,
  logLevel: 'info',
  trustProxy: false,
  http: {
    headersTimeoutMs: 10_000,
    // 10 MiB (the largest photo) at 1 Mbit/s takes 84 s.
    requestTimeoutMs: 120_000,
    keepAliveTimeoutMs: 5_000,
    maxConnections: 512,
  },
  metrics: { port: undefined, host: undefined },
  rateLimits: {
    // A runaway client's brake, not a plan quota: far above what one integration sends (the create-check
    // bench sends 6,000 in a few seconds).
    apiPerMinute: 60_000,
    loginPerEmail: 5,
    loginPerAddress: 30,
    loginWindowMinutes: 15,
  },
  linkTtlHours: 24 * 7,
  maxPhotoBytes: 10 * 1024 * 1024,
  maxPhotosPerCheck: 12,
  analyzers: { test: 'simulator', live: 'offline' },
  analysis: { threads: Math.min(2, availableParallelism()), taskTimeoutMs: 15_000 },
  webhooks: {
    // The embedded quick start lets a developer try test webhooks against a receiver on the same machine.
    allowLoopback: true,
    allowPrivate: false,
    retrySchedule: DEFAULT_RETRY_SCHEDULE,
    secretOverlapHours: 24,
    disableAfterDays: 5,
    egressRanges: [],
    localAddress: undefined,
    proxyUrl: undefined,
    connectTimeoutMs: 5_000,
    totalTimeoutMs: 15_000,
    concurrency: 512,
    // A slow endpoint can hold at most this many of the worker's slots, and one whose last attempt failed
    // only a few (FAILING_ENDPOINT_SLOTS), so dead receivers cannot starve healthy ones.
    perEndpointConcurrency: 64,
    senderThread: undefined,
  },
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** The settings as the layers give them, before validation: the retry schedule still as text. */
type Layered = Omit<Config, 'webhooks'> & { webhooks: Omit<Config['webhooks'], 'retrySchedule'> & { retrySchedule: string } };

const LAYERED_DEFAULTS: Layered = { ...DEFAULTS, webhooks: { ...DEFAULTS.webhooks, retrySchedule: '5s,5m,30m,2h,5h,10h,10h' } };

const ENV: Record<string, (c: Layered, v: string) => void> = {
  PORT: (c, v) => (c.port = int('PORT', v)),
  HOST: (c, v) => (c.host = v),
  PUBLIC_URL: (c, v) => (c.publicUrl = v),
  REALID_DATA_DIR: (c, v) => (c.dataDir = v),
  DATABASE_URL: (c, v) => (c.databaseUrl = v),
  REALID_DB_SCHEMA: (c, v) => (c.databaseSchema = v),
  REALID_DB_PREPARED_STATEMENTS: (c, v) => (c.databasePreparedStatements = bool('REALID_DB_PREPARED_STATEMENTS', v)),
  REALID_DB_WORKER_CONNECTIONS: (c, v) => (c.databaseWorkerConnections = int('REALID_DB_WORKER_CONNECTIONS', v)),
  SMTP_URL: (c, v) => (c.smtpUrl = v),
  MAIL_FROM: (c, v) => (c.mailFrom = v),
  REALID_ENCRYPTION_KEY: (c, v) => (c.encryptionKey = v),
  REALID_PREVIOUS_ENCRYPTION_KEYS: (c, v) => (c.previousEncryptionKeys = v.split(',').map((k) => k.trim()).filter(Boolean)),
  REALID_KEY_FILE: (c, v) => (c.keyFile = v),
  LOG_LEVEL: (c, v) => (c.logLevel = v),
  REALID_TRUST_PROXY: (c, v) => (c.trustProxy = bool('REALID_TRUST_PROXY', v)),
  REALID_HTTP_HEADERS_TIMEOUT_MS: (c, v) => (c.http.headersTimeoutMs = int('REALID_HTTP_HEADERS_TIMEOUT_MS', v)),
  REALID_HTTP_REQUEST_TIMEOUT_MS: (c, v) => (c.http.requestTimeoutMs = int('REALID_HTTP_REQUEST_TIMEOUT_MS', v)),
  REALID_HTTP_KEEP_ALIVE_TIMEOUT_MS: (c, v) => (c.http.keepAliveTimeoutMs = int('REALID_HTTP_KEEP_ALIVE_TIMEOUT_MS', v)),
  REALID_HTTP_MAX_CONNECTIONS: (c, v) => (c.http.maxConnections = int('REALID_HTTP_MAX_CONNECTIONS', v)),
  REALID_METRICS_PORT: (c, v) => (c.metrics.port = int('REALID_METRICS_PORT', v)),
  REALID_METRICS_HOST: (c, v) => (c.metrics.host = v),
  REALID_API_RATE_LIMIT: (c, v) => (c.rateLimits.apiPerMinute = int('REALID_API_RATE_LIMIT', v)),
  REALID_LINK_TTL_HOURS: (c, v) => (c.linkTtlHours = int('REALID_LINK_TTL_HOURS', v)),
  REALID_MAX_PHOTO_BYTES: (c, v) => (c.maxPhotoBytes = int('REALID_MAX_PHOTO_BYTES', v)),
  REALID_LIVE_ANALYZER: (c, v) => (c.analyzers.live = v),
  REALID_ANALYSIS_THREADS: (c, v) => (c.analysis.threads = int('REALID_ANALYSIS_THREADS', v)),
  REALID_ANALYSIS_TIMEOUT_MS: (c, v) => (c.analysis.taskTimeoutMs = int('REALID_ANALYSIS_TIMEOUT_MS', v)),
  REALID_WEBHOOKS_ALLOW_LOOPBACK: (c, v) => (c.webhooks.allowLoopback = bool('REALID_WEBHOOKS_ALLOW_LOOPBACK', v)),
  REALID_WEBHOOKS_ALLOW_PRIVATE: (c, v) => (c.webhooks.allowPrivate = bool('REALID_WEBHOOKS_ALLOW_PRIVATE', v)),
  REALID_RETRY_SCHEDULE: (c, v) => (c.webhooks.retrySchedule = v),
  REALID_EGRESS_RANGES: (c, v) => (c.webhooks.egressRanges = v.split(',').map((s) => s.trim()).filter(Boolean)),
  REALID_EGRESS_LOCAL_ADDRESS: (c, v) => (c.webhooks.localAddress = v),
  REALID_EGRESS_PROXY: (c, v) => (c.webhooks.proxyUrl = v),
  REALID_WEBHOOKS_TIMEOUT_MS: (c, v) => (c.webhooks.totalTimeoutMs = int('REALID_WEBHOOKS_TIMEOUT_MS', v)),
  REALID_WEBHOOKS_CONCURRENCY: (c, v) => (c.webhooks.concurrency = int('REALID_WEBHOOKS_CONCURRENCY', v)),
  REALID_WEBHOOKS_SENDER_THREAD: (c, v) => (c.webhooks.senderThread = bool('REALID_WEBHOOKS_SENDER_THREAD', v)),
};

function int(name: string, value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}

function bool(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

function merge<T>(base: T, patch: unknown, where: string): T {
  if (patch === undefined) return base;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new ConfigError(`${where} must be an object`);
  const out = structuredClone(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in out)) throw new ConfigError(`Unknown setting ${where}.${key}`);
    const current = out[key];
    out[key] =
      current !== null && typeof current === 'object' && !Array.isArray(current) ? merge(current, value, `${where}.${key}`) : value;
  }
  return out as T;
}

function validate(c: Layered): Config {
  if (c.port > 65535) throw new ConfigError(`port must be at most 65535, got ${c.port}`);
  for (const [key, value] of Object.entries({ linkTtlHours: c.linkTtlHours, maxPhotoBytes: c.maxPhotoBytes, maxPhotosPerCheck: c.maxPhotosPerCheck })) {
    int(key, value);
  }
  for (const [key, value] of Object.entries(c.http)) {
    // Zero would switch a limit off (Node's meaning), which is never what a setting here should do by accident.
    if (int(`http.${key}`, value) === 0) throw new ConfigError(`http.${key} must be at least 1, got 0`);
  }
  if (c.http.headersTimeoutMs > c.http.requestTimeoutMs) {
    throw new ConfigError(`REALID_HTTP_HEADERS_TIMEOUT_MS (${c.http.headersTimeoutMs}) cannot exceed REALID_HTTP_REQUEST_TIMEOUT_MS (${c.http.requestTimeoutMs})`);
  }
  if (c.metrics.port !== undefined && (int('REALID_METRICS_PORT', c.metrics.port) > 65535 || c.metrics.port === c.port)) {
    throw new ConfigError(`REALID_METRICS_PORT must be a port (up to 65535) other than PORT, got ${c.metrics.port}`);
  }
  for (const [key, value] of Object.entries(c.rateLimits)) {
    if (int(`rateLimits.${key}`, value) === 0) throw new ConfigError(`rateLimits.${key} must be at least 1, got 0`);
  }
  if (c.databaseUrl && !/^(postgres(ql)?:\/\/|sqlite:)/.test(c.databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  }
  if (c.databaseUrl?.startsWith('postgres') && !URL.canParse(c.databaseUrl)) {
    // Not echoed: the URL may hold a password.
    throw new ConfigError('DATABASE_URL is not a valid URL (postgres://user:password@host:port/database; percent-encode special characters in the password)');
  }
  if (c.databaseUrl === 'sqlite:') throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:/var/lib/realid/realid.sqlite');
  if (c.databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(c.databaseSchema)) {
    throw new ConfigError('REALID_DB_SCHEMA must be a lowercase SQL identifier (letters, digits, underscores)');
  }
  if (int('databaseWorkerConnections', c.databaseWorkerConnections) < 1) throw new ConfigError('REALID_DB_WORKER_CONNECTIONS must be at least 1');
  if (c.smtpUrl && !/^smtps?:\/\//.test(c.smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  if (!['simulator', 'manual', 'offline'].includes(c.analyzers.test) || !['manual', 'offline', 'simulator'].includes(c.analyzers.live)) {
    throw new ConfigError('analyzers.test must be "simulator", "manual" or "offline"; analyzers.live (REALID_LIVE_ANALYZER) "offline" or "manual"');
  }
  if (c.analysis.threads < 1 || c.analysis.taskTimeoutMs < 1) throw new ConfigError('REALID_ANALYSIS_THREADS and REALID_ANALYSIS_TIMEOUT_MS must be at least 1');
  let retrySchedule: RetrySchedule;
  try {
    retrySchedule = parseRetrySchedule(c.webhooks.retrySchedule);
  } catch (error) {
    throw new ConfigError(`webhooks.retrySchedule (REALID_RETRY_SCHEDULE): ${(error as Error).message}`, { cause: error });
  }
  if (c.analyzers.live === 'simulator') throw new ConfigError('The test-mode simulator cannot judge live checks; use "offline" or "manual".');
  try {
    new URL(c.publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, got ${JSON.stringify(c.publicUrl)}`);
  }
  return { ...c, webhooks: { ...c.webhooks, retrySchedule } };
}

export interface LoadOptions {
  env?: Env;
  file?: string;
  overrides?: Partial<Pick<Config, 'port' | 'host' | 'dataDir' | 'databaseUrl'>>;
}

export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const file = options.file ?? env.REALID_CONFIG ?? (existsSync('realid.config.json') ? 'realid.config.json' : undefined);
  let config = structuredClone(LAYERED_DEFAULTS);
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`);
    }
    config = merge(config, parsed, path.basename(file));
  }
  for (const [name, apply] of Object.entries(ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') apply(config, value);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
  }
  if (!config.publicUrl) config.publicUrl = `http://localhost:${config.port}`;
  config.publicUrl = config.publicUrl.replace(/\/+$/, '');
  return validate(config);
}
