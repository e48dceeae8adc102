// Operability against a real `realid serve` process: Prometheus metrics on their own port (scraped and parsed
// after checks are created and webhooks delivered to loopback receivers), a warning in the log for every failed
// attempt (without the endpoint's URL), and X-Request-Id on every answer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/create-account.ts';
import { systemClock } from '../src/core/clock.ts';
import { loadMasterKeys } from '../src/keys/master-key-source.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { DIALECTS, POSTGRES_URL, dropSchema, uniqueSchema } from './support/databases.ts';
import { freePort, runRealid, startRealid, type RealidProcess } from './support/realid-process.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';
import { EventRecipients } from '../src/webhooks/management/event-recipients.ts';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus's text exposition format (the lines that carry samples). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe.each(DIALECTS)('operability of a running service on %s', (dialect) => {
  let dataDir: string;
  let schema: string | undefined;
  let store: Store;
  let created: CreatedAccount;
  let healthy: WebhookReceiver;
  let broken: WebhookReceiver;
  let gone: WebhookReceiver;
  let server: RealidProcess;
  let api: string;
  let metricsUrl: string;
  let env: Record<string, string>;

  const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api}${p}`, {
      method,
      headers: { authorization: `Bearer ${created.testKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    return { text, samples: parseMetrics(text) };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'realid-metrics-'));
    schema = dialect === 'postgres' ? uniqueSchema() : undefined;
    const keys = loadMasterKeys({ encryptionKey: undefined, previousEncryptionKeys: [], keyFile: undefined, dataDir });
    store = await openStore(schema ? { databaseUrl: POSTGRES_URL, dataDir, schema } : { dataDir }, keys, new EventRecipients());
    created = await createAccount(store, systemClock, { name: 'Metrics', plan: 'enterprise' });
    healthy = await startWebhookReceiver();
    broken = await startWebhookReceiver();
    broken.behaviour = () => ({ status: 503, body: 'down for maintenance' });
    gone = await startWebhookReceiver();
    gone.behaviour = () => ({ status: 410 });
    const [port, metricsPort] = [await freePort(), await freePort()];
    env = {
      REALID_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      REALID_METRICS_PORT: String(metricsPort),
      REALID_RETRY_SCHEDULE: '1h',
      REALID_LIVE_ANALYZER: 'manual',
    };
    if (schema) Object.assign(env, { DATABASE_URL: POSTGRES_URL, REALID_DB_SCHEMA: schema });
    server = startRealid(['serve'], env);
    api = `http://127.0.0.1:${port}`;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    await waitFor(async () => (await fetch(`${api}/healthz`).catch(() => undefined))?.status === 200, `realid serve to answer (${server.output()})`, 30_000);
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await healthy?.close();
    await broken?.close();
    await gone?.close();
    await store?.close();
    if (schema) await dropSchema(schema);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts requests, checks, attempts and delivery latency, and reads the queue and endpoints from the database', async () => {
    const before = (await scrape()).samples;
    expect(value(before, 'realid_webhook_attempts_total')).toBe(0);

    const good = await call('POST', '/api/v1/webhooks/endpoints', { url: healthy.url, event_types: ['check.delivered', 'check.completed'] });
    expect(good.status).toBe(201);
    // The query string stands for a merchant's secret in its URL: it must reach neither logs nor metrics.
    const bad = await call('POST', '/api/v1/webhooks/endpoints', { url: `${broken.url}?token=endpoint-secret-123`, event_types: ['check.delivered'] });
    expect(bad.status).toBe(201);
    expect((await call('POST', '/api/v1/webhooks/endpoints', { url: gone.url, event_types: ['check.completed'] })).status).toBe(201);
    const checks = [];
    for (const email of ['ann@example.com', 'bob@example.com', 'cy@example.com']) {
      const answer = await call('POST', '/api/v1/checks', { customer: { email, first_name: 'Private' } });
      expect(answer.status).toBe(201);
      checks.push(answer.body.check.id as string);
    }
    expect((await call('POST', `/api/v1/checks/${checks[0]}/simulate`, { action: 'pass' })).status).toBe(200);
    expect((await call('POST', `/api/v1/checks/${checks[1]}/simulate`, { action: 'submit_photo', kind: 'front' })).status).toBe(200);
    await waitFor(() => healthy.accepted().length === 4, 'three check.delivered and one check.completed');
    await waitFor(() => broken.deliveries.length === 3, 'three attempts at the broken endpoint');
    await waitFor(() => gone.deliveries.length === 1, 'the attempt at the endpoint that is gone');

    let after = (await scrape()).samples;
    await waitFor(async () => {
      after = (await scrape()).samples;
      return (
        value(after, 'realid_webhook_attempts_total', { outcome: 'delivered' }) === 4 &&
        value(after, 'realid_webhook_attempts_total', { outcome: 'failed' }) === 1 &&
        value(after, 'realid_webhook_attempts_total', { outcome: 'retry' }) === 3 &&
        value(after, 'realid_webhook_endpoints', { state: 'failing' }) === 1 &&
        value(after, 'realid_webhook_endpoints', { state: 'disabled' }) === 1
      );
    }, 'the outcomes to be recorded');
    expect(value(after, 'realid_webhook_attempts_total', { outcome: 'delivered', status_class: '2xx' })).toBe(4);
    expect(value(after, 'realid_webhook_attempts_total', { outcome: 'retry', status_class: '5xx' })).toBe(3);
    expect(value(after, 'realid_webhook_attempts_total', { outcome: 'failed', status_class: '4xx' })).toBe(1);
    expect(value(after, 'realid_webhook_delivery_latency_seconds_count')).toBe(4);
    expect(value(after, 'realid_webhook_delivery_latency_seconds_bucket', { le: '+Inf' })).toBe(4);
    // The broken endpoint's three messages wait for their retry in an hour; nothing is due or waiting.
    expect(value(after, 'realid_webhook_queue_depth', { state: 'scheduled' })).toBe(3);
    expect(value(after, 'realid_webhook_queue_depth', { state: 'due' })).toBe(0);
    expect(value(after, 'realid_webhook_queue_oldest_age_seconds', { state: 'due' })).toBe(0);
    expect(value(after, 'realid_checks_in_progress', { step: 'delivered' })).toBe(1);
    expect(value(after, 'realid_checks_in_progress', { step: 'submitted-photo' })).toBe(1);
    expect(value(after, 'realid_analysis_duration_seconds_count', { analyzer: 'simulator', kind: 'front', result: 'accepted' })).toBe(1);
    const created201 = { method: 'POST', route: '/api/v1/checks', status_code: '201' };
    expect(value(after, 'realid_http_request_duration_seconds_count', created201) - value(before, 'realid_http_request_duration_seconds_count', created201)).toBe(3);
    expect(value(after, 'realid_http_request_duration_seconds_count', { route: '/api/v1/checks/:id/simulate', status_code: '200' })).toBe(2);
    expect(value(after, 'realid_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows no tenant data in the metrics', async () => {
    const { text } = await scrape();
    const endpoints = (await call('GET', '/api/v1/webhooks/endpoints')).body.endpoints as { id: string }[];
    for (const secret of [created.account.id, created.testKey, ...endpoints.map((e) => e.id), 'endpoint-secret-123', '127.0.0.1', 'example.com', 'Private']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/route="\/api\/v1\/checks\/[A-Z0-9]{6}-/);
  });

  it('logs a warning for each failed attempt, with the endpoint id, status, attempt and next attempt, never the URL', async () => {
    const endpoints = (await call('GET', '/api/v1/webhooks/endpoints')).body.endpoints as { id: string; url: string }[];
    const brokenId = endpoints.find((e) => e.url.startsWith(broken.url))!.id;
    const goneId = endpoints.find((e) => e.url === gone.url)!.id;
    const failures = () =>
      server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => typeof l.msg === 'string' && l.msg.startsWith('webhook attempt failed'));
    // The child's output arrives through a pipe, a moment after the outcomes were counted.
    await waitFor(() => failures().length >= 4, 'four warnings in the log');
    const lines = failures();
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.endpointId === goneId)).toEqual([
      expect.objectContaining({ level: 40, status: 410, attempt: 1, eventType: 'check.completed', nextAttemptAt: null, endpointDisabled: 'gone' }),
    ]);
    for (const line of lines.filter((l) => l.endpointId !== goneId)) {
      expect(line).toMatchObject({ level: 40, endpointId: brokenId, status: 503, attempt: 1, eventType: 'check.delivered' });
      expect(Date.parse(line.nextAttemptAt as string)).toBeGreaterThan(Date.now() + 40 * 60_000); // an hour, ±20 %
    }
    expect(server.output()).not.toContain('endpoint-secret-123');
    expect(server.output()).not.toContain(broken.url);
  });

  it('answers every request with an X-Request-Id: a sane one echoed, another replaced', async () => {
    const echoed = await call('GET', '/api/v1/account', undefined, { 'x-request-id': 'lb-7f3a:01' });
    expect(echoed.headers.get('x-request-id')).toBe('lb-7f3a:01');
    for (const given of [undefined, 'x'.repeat(300), 'two words', 'quote"d']) {
      const answer = await call('GET', '/api/v1/nowhere', undefined, given ? { 'x-request-id': given } : {});
      expect(answer.status).toBe(404);
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const unauthorized = await fetch(`${api}/api/v1/checks`);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The router refuses a path that is not valid percent-encoding before any route runs.
    const badPath = await fetch(`${api}/api/v1/checks/%E0%A4%A`);
    expect(badPath.status).toBe(400);
    expect(badPath.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves nothing but /metrics on the metrics port', async () => {
    const other = await fetch(metricsUrl.replace(/\/metrics$/, '/api/v1/checks'));
    expect(other.status).toBe(404);
    await other.text();
  });

  // On SQLite one process owns the queue (the running `serve`), so a second worker is a PostgreSQL setup.
  it.runIf(dialect === 'postgres')('serves metrics from a delivery worker too, which has no API', async () => {
    const port = await freePort();
    const worker = startRealid(['worker'], { ...env, PORT: '0', REALID_METRICS_PORT: String(port) });
    try {
      const url = `http://127.0.0.1:${port}/metrics`;
      await waitFor(async () => (await fetch(url).catch(() => undefined))?.status === 200, `the worker's metrics (${worker.output()})`, 30_000);
      const samples = parseMetrics(await (await fetch(url)).text());
      expect(value(samples, 'realid_webhook_queue_depth', { state: 'scheduled' })).toBe(3);
      expect(samples.some((s) => s.name === 'realid_webhook_attempts_total' || s.name === 'realid_nodejs_eventloop_lag_seconds')).toBe(true);
    } finally {
      await worker.kill('SIGTERM');
    }
  });

  it('stops with a clear message when the metrics port is taken', async () => {
    const taken = new URL(api).port;
    const { code, output } = await runRealid(['serve'], { ...env, PORT: String(await freePort()), REALID_METRICS_PORT: taken });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot listen on 127.0.0.1:${taken}: the port is in use (another realid?). Choose another with REALID_METRICS_PORT.`);
  });
});
