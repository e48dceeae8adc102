// Idempotency-Key on POST /checks and per-key request limits, on both engines, with two app instances sharing
// one database standing for two API processes: what one records, the other honours.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServices, createServices } from '../src/app/create-services.ts';
import { extensionsFor } from '../src/app/extensions.ts';
import type { Services } from '../src/core/services.ts';
import { createApp } from '../src/http/create-app.ts';
import { pino } from 'pino';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { PASSWORD, WebClient, signedInUser } from './web/web-client.ts';

describe.each(DIALECTS)('idempotency keys and rate limits on %s', (dialect) => {
  let t: TestService;
  let second: { services: Services; app: FastifyInstance; url: string };

  beforeAll(async () => {
    t = await startTestService(dialect, { config: (c) => (c.rateLimits.apiPerMinute = 1000) });
    // A second API "process": its own store, pool and HTTP server on the same database.
    const services = await createServices(t.services.config, { clock: t.clock, logger: pino({ level: 'silent' }) });
    const app = await createApp(services, await extensionsFor(services));
    second = { services, app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
  });
  afterAll(async () => {
    await second?.app.close();
    if (second) await closeServices(second.services);
    await t?.close();
  });

  const post = async (base: string, key: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/api/v1/checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const count = async (sql: string, params: string[]) => Number((await t.services.store.driver.get<{ n: unknown }>(sql, params))!.n);
  const deliveredEvents = (accountId: string) => count(`SELECT COUNT(*) AS n FROM events WHERE account_id = ? AND type = 'check.delivered'`, [accountId]);
  const checksOf = (accountId: string) => count('SELECT COUNT(*) AS n FROM checks WHERE account_id = ?', [accountId]);

  /** A counter's value in one app instance's registry (counters are per process). */
  const counter = async (services: Services, name: string, labels = '') => {
    const text = await services.metrics.registry.getSingleMetricAsString(name);
    return Number(new RegExp(`^${name}${labels.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  };

  const body = { customer: { email: 'jane@example.com', first_name: 'Jane' }, order: { name: '#1001' } };

  it('answers the same key and body with the first answer, from either process, with one check and one event', async () => {
    const { account, testKey } = await t.newAccount();
    const replaysBefore = await counter(second.services, 'realid_idempotent_replays_total');
    const first = await post(t.url, testKey, body, { 'idempotency-key': 'order-1001' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.body.check.link).toMatch(/\/c\//);
    // The same fields in another order are the same request.
    const again = await post(second.url, testKey, { order: { name: '#1001' }, customer: { first_name: 'Jane', email: 'jane@example.com' } }, { 'idempotency-key': 'order-1001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await counter(second.services, 'realid_idempotent_replays_total')) - replaysBefore).toBe(1);
    expect(await checksOf(account.id)).toBe(1);
    expect(await deliveredEvents(account.id)).toBe(1);
    // The replay showed the customer's data again: the access log says so.
    const log = await t.api(testKey, 'GET', `/api/v1/checks/${first.body.check.id}/access-log`);
    expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual(['created', 'viewed']);
  });

  it('creates one check when requests with one key race on two processes', async () => {
    const { account, testKey } = await t.newAccount();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post(i % 2 ? second.url : t.url, testKey, body, { 'idempotency-key': 'race-1' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.check.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await checksOf(account.id)).toBe(1);
    expect(await deliveredEvents(account.id)).toBe(1);
  });

  it('refuses the same key with another body, and a key that is not a sane token', async () => {
    const { account, testKey } = await t.newAccount();
    expect((await post(t.url, testKey, body, { 'idempotency-key': 'k-2' })).status).toBe(201);
    const other = await post(second.url, testKey, { customer: { email: 'someone-else@example.com' } }, { 'idempotency-key': 'k-2' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    for (const bad of ['x'.repeat(256), 'two words']) {
      const refused = await post(t.url, testKey, body, { 'idempotency-key': bad });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'headers.idempotency-key' }] });
    }
    expect(await checksOf(account.id)).toBe(1);
  });

  it('scopes keys per account and mode, and forgets them after 24 hours', async () => {
    const a = await t.newAccount();
    const b = await t.newAccount();
    const ids = new Set<string>();
    for (const key of [a.testKey, a.liveKey, b.testKey]) {
      const answer = await post(t.url, key, body, { 'idempotency-key': 'shared' });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('idempotent-replayed')).toBeNull();
      ids.add(answer.body.check.id);
    }
    expect(ids.size).toBe(3);
    t.clock.advance(24 * 3600_000 - 1000);
    expect((await post(t.url, a.testKey, body, { 'idempotency-key': 'shared' })).headers.get('idempotent-replayed')).toBe('true');
    t.clock.advance(2000);
    const later = await post(t.url, a.testKey, { customer: { email: 'new@example.com' } }, { 'idempotency-key': 'shared' });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(ids.has(later.body.check.id)).toBe(false);
  });

  it('refuses to replay, or to create again, once the check’s personal data was deleted', async () => {
    const { testKey } = await t.newAccount();
    const first = await post(t.url, testKey, body, { 'idempotency-key': 'to-delete' });
    const id = first.body.check.id as string;
    expect((await t.api(testKey, 'DELETE', `/api/v1/checks/${id}`)).status).toBe(200);
    const replay = await post(t.url, testKey, body, { 'idempotency-key': 'to-delete' });
    expect(replay.status).toBe(410);
    expect(replay.body.error.code).toBe('check_deleted');
    expect(replay.body.error.message).toContain(id);
    const list = await t.api(testKey, 'GET', '/api/v1/checks');
    expect(list.body.checks.filter((c: { deleted: boolean }) => !c.deleted)).toHaveLength(0);
  });

  it('limits requests per key across processes with 429 rate_limited and Retry-After', async () => {
    const previous = t.services.config.rateLimits.apiPerMinute;
    t.services.config.rateLimits.apiPerMinute = 3;
    second.services.config.rateLimits.apiPerMinute = 3;
    try {
      const { testKey, liveKey } = await t.newAccount();
      const get = (base: string, key: string) => fetch(`${base}/api/v1/account`, { headers: { authorization: `Bearer ${key}` } });
      for (const base of [t.url, second.url, t.url]) expect((await get(base, testKey)).status).toBe(200);
      const refusedBefore = await counter(second.services, 'realid_rate_limited_total', '{limit="api"}');
      const limited = await get(second.url, testKey);
      expect(limited.status).toBe(429);
      expect((await counter(second.services, 'realid_rate_limited_total', '{limit="api"}')) - refusedBefore).toBe(1);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(((await limited.json()) as any).error.code).toBe('rate_limited');
      // Another key has its own count; the window ends a minute after its first request.
      expect((await get(t.url, liveKey)).status).toBe(200);
      t.clock.advance(60_000);
      expect((await get(t.url, testKey)).status).toBe(200);
    } finally {
      t.services.config.rateLimits.apiPerMinute = previous;
      second.services.config.rateLimits.apiPerMinute = previous;
    }
  });

  it('counts failed sign-ins in the database, so a guesser gains nothing by switching processes', async () => {
    await signedInUser(t, 'owner@example.com');
    for (let i = 0; i < 5; i++) expect((await new WebClient(i % 2 ? second.url : t.url).login('owner@example.com', `guess ${i}`)).status).toBe(401);
    for (const base of [t.url, second.url]) {
      const limited = await new WebClient(base).login('owner@example.com', PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Neither the email nor the client address is stored in plain.
    const buckets = await t.services.store.driver.all<{ bucket: string }>('SELECT bucket FROM rate_limits');
    expect(buckets.length).toBeGreaterThan(0);
    for (const { bucket } of buckets) expect(bucket).toMatch(/^[0-9a-f]{64}$/);
    t.clock.advance(15 * 60_000);
    expect((await new WebClient(second.url).login('owner@example.com')).status).toBe(200);
  });
});
