// Configuration layers (defaults → file → environment → flags) and the messages a mistake gets.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from '../src/config/config.ts';

describe('configuration', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'realid-config-'));
    file = path.join(dir, 'realid.config.json');
    await writeFile(file, JSON.stringify({ port: 5000, mailFrom: 'file@example.com', webhooks: { retrySchedule: '1s,2s', disableAfterDays: 3 } }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('uses the defaults, with the public URL derived from the port', () => {
    const c = loadConfig({ env: {} });
    expect(c.port).toBe(4000);
    expect(c.publicUrl).toBe('http://localhost:4000');
    expect(c.trustProxy).toBe(false);
    expect(c.webhooks).toEqual(DEFAULTS.webhooks);
  });

  it('layers file, then environment, then flags', () => {
    const c = loadConfig({ file, env: { PORT: '6000', REALID_WEBHOOKS_ALLOW_LOOPBACK: 'false', REALID_WEBHOOKS_SENDER_THREAD: 'false', REALID_DB_PREPARED_STATEMENTS: 'off', PUBLIC_URL: 'https://idv.example.com/' } });
    expect(c.port).toBe(6000);
    expect(c.databasePreparedStatements).toBe(false);
    expect(loadConfig({ file, env: {} }).databasePreparedStatements).toBe(true);
    expect(loadConfig({ file, env: {} }).databaseWorkerConnections).toBe(3);
    expect(loadConfig({ file, env: { REALID_DB_WORKER_CONNECTIONS: '5' } }).databaseWorkerConnections).toBe(5);
    expect(c.mailFrom).toBe('file@example.com');
    expect(c.webhooks).toMatchObject({ retrySchedule: [1_000, 2_000], disableAfterDays: 3, allowLoopback: false, totalTimeoutMs: 15_000, senderThread: false });
    expect(loadConfig({ file, env: {} }).webhooks.senderThread).toBeUndefined();
    expect(c.publicUrl).toBe('https://idv.example.com');
    expect(loadConfig({ file, env: { PORT: '6000' }, overrides: { port: 7000 } }).port).toBe(7000);
  });

  it('reads the metrics port and the request limits, refusing a metrics port that is the API’s and a limit of 0', () => {
    const off = loadConfig({ env: {} });
    expect(off.metrics).toEqual({ port: undefined, host: undefined });
    expect(off.rateLimits.apiPerMinute).toBe(60_000);
    const on = loadConfig({ env: { REALID_METRICS_PORT: '9464', REALID_METRICS_HOST: '127.0.0.1', REALID_API_RATE_LIMIT: '600' } });
    expect(on.metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(on.rateLimits.apiPerMinute).toBe(600);
    expect(() => loadConfig({ env: { PORT: '9464', REALID_METRICS_PORT: '9464' } })).toThrow(/REALID_METRICS_PORT must be a port .* other than PORT/);
    expect(() => loadConfig({ env: { REALID_METRICS_PORT: '70000' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { REALID_API_RATE_LIMIT: '0' } })).toThrow(/rateLimits.apiPerMinute must be at least 1/);
    expect(() => loadConfig({ env: { REALID_API_RATE_LIMIT: 'lots' } })).toThrow(/REALID_API_RATE_LIMIT must be a non-negative integer/);
  });

  it('reads the HTTP server’s limits, with defaults that bound slow clients', () => {
    expect(loadConfig({ env: {} }).http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, keepAliveTimeoutMs: 5_000, maxConnections: 512 });
    const env = { REALID_HTTP_HEADERS_TIMEOUT_MS: '2000', REALID_HTTP_REQUEST_TIMEOUT_MS: '30000', REALID_HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000', REALID_HTTP_MAX_CONNECTIONS: '100' };
    expect(loadConfig({ env }).http).toEqual({ headersTimeoutMs: 2_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000, maxConnections: 100 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a non-negative integer/],
    [{ PORT: '70000' }, /port must be at most 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must start with smtp/],
    [{ REALID_TRUST_PROXY: 'maybe' }, /REALID_TRUST_PROXY must be true or false/],
    [{ REALID_WEBHOOKS_SENDER_THREAD: 'yes please' }, /REALID_WEBHOOKS_SENDER_THREAD must be true or false/],
    [{ REALID_DB_PREPARED_STATEMENTS: 'sometimes' }, /REALID_DB_PREPARED_STATEMENTS must be true or false/],
    [{ REALID_DB_WORKER_CONNECTIONS: '0' }, /REALID_DB_WORKER_CONNECTIONS must be at least 1/],
    [{ REALID_LIVE_ANALYZER: 'simulator' }, /cannot judge live checks/],
    [{ REALID_DB_SCHEMA: 'Robert"); DROP' }, /REALID_DB_SCHEMA must be/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be an absolute URL/],
    [{ REALID_RETRY_SCHEDULE: '5s,soon' }, /REALID_RETRY_SCHEDULE/],
    [{ REALID_HTTP_MAX_CONNECTIONS: 'many' }, /REALID_HTTP_MAX_CONNECTIONS must be a non-negative integer/],
    [{ REALID_HTTP_HEADERS_TIMEOUT_MS: '0' }, /http.headersTimeoutMs must be at least 1/],
    [{ REALID_HTTP_HEADERS_TIMEOUT_MS: '60000', REALID_HTTP_REQUEST_TIMEOUT_MS: '30000' }, /cannot exceed REALID_HTTP_REQUEST_TIMEOUT_MS/],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig({ env })).toThrow(ConfigError);
    expect(() => loadConfig({ env })).toThrow(message);
  });

  it('refuses unknown settings and unreadable files', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ webhooks: { retrySchedul: '1s' } }));
    expect(() => loadConfig({ file: bad, env: {} })).toThrow('Unknown setting bad.json.webhooks.retrySchedul');
    await writeFile(bad, '{ not json');
    expect(() => loadConfig({ file: bad, env: {} })).toThrow(/Cannot read config file/);
  });
});
