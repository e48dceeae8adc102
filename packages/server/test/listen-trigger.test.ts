// `realid listen` and `realid trigger` end to end, over real HTTP: a real server, the real CLI as child processes,
// and a loopback receiver that verifies every forwarded event with the SDK and the secret listen printed. The
// stream route's refusals are typed, and a stream reaches only its key's account and mode.
import { EVENT_TYPES, verifyWebhook } from '@realid/webhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAccount } from '../src/accounts/create-account.ts';
import { buildEvent } from '../src/events/event-types.ts';
import { DIALECTS } from './support/databases.ts';
import { runRealid, startRealid, type RealidProcess } from './support/realid-process.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { startWebhookReceiver, waitFor, type Delivery, type WebhookReceiver } from './support/webhook-receiver.ts';

describe.each(DIALECTS)('realid listen and trigger on %s', (dialect) => {
  let t: TestService;
  let acme: CreatedAccount;
  let other: CreatedAccount;
  const running: RealidProcess[] = [];
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    t = await startTestService(dialect);
    acme = await t.newAccount('enterprise', 'Acme');
    other = await t.newAccount('enterprise', 'Other');
  });
  afterEach(async () => {
    for (const p of running.splice(0)) await p.kill('SIGTERM');
    for (const r of receivers.splice(0)) await r.close();
  });
  afterAll(() => t.close());

  /** Starts `realid listen` and waits for it to say it is ready; returns it with the secret it printed. */
  async function listen(args: string[], key = acme.testKey, apiUrl = t.url) {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const p = startRealid(['listen', '--forward-to', receiver.url, '--api-url', apiUrl, ...args], { REALID_API_KEY: key });
    running.push(p);
    await waitFor(() => p.output().includes('Stop with Ctrl-C') || p.child.exitCode !== null, `listen to be ready (${p.output()})`, 30_000);
    const secret = /whsec_\S+/.exec(p.output())?.[0];
    expect(secret, p.output()).toBeDefined();
    return { p, receiver, secret: secret! };
  }

  const trigger = (event: string, key = acme.testKey) => runRealid(['trigger', event, '--api-url', t.url, '--json'], { REALID_API_KEY: key });

  /** Every delivery verifies with the session's secret; returns their webhook ids and bodies. */
  async function verified(deliveries: Delivery[], secret: string) {
    return Promise.all(
      deliveries.map(async (d) => {
        const { id, event } = await verifyWebhook(d.raw, d.headers, secret);
        return { id, event: event.event, checkId: event.check.id, testing: event.check.testing };
      }),
    );
  }

  const storedIds = async (checkId: string) => (await t.services.store.events.listForCheck(acme.account.id, checkId)).map((e) => e.id);

  it('forwards a triggered check.completed and its earlier events, signed with the printed secret, one line each', async () => {
    const all = await listen([]);
    const filtered = await listen(['--events', 'check.completed,check.failed']);
    // Events the stream must not carry, made before ours: ordered as stored, they would have arrived first.
    expect((await t.api(other.testKey, 'POST', '/api/v1/checks', { customer: { email: 'other@example.com' } })).status).toBe(201);
    expect((await t.api(acme.liveKey, 'POST', '/api/v1/checks', { customer: { email: 'live@example.com' } })).status).toBe(201);

    const triggered = await trigger('check.completed');
    expect(triggered.code, triggered.output).toBe(0);
    const { check_id: checkId, link } = JSON.parse(triggered.output) as { check_id: string; link: string };
    expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
    const ids = await storedIds(checkId);
    expect(ids).toHaveLength(4);

    await waitFor(() => all.receiver.deliveries.length >= 4, `four deliveries (${all.p.output()})`);
    await waitFor(() => filtered.receiver.deliveries.length >= 1, `the filtered delivery (${filtered.p.output()})`);
    const got = await verified(all.receiver.deliveries, all.secret);
    expect(got).toEqual(
      ['check.delivered', 'check.opened', 'check.submitted-photo', 'check.completed'].map((event, i) => ({ id: ids[i], event, checkId, testing: true })),
    );
    // The payload is the stored one, byte for byte, as a real delivery's.
    const stored = await t.services.store.events.listForCheck(acme.account.id, checkId);
    expect(all.receiver.deliveries.map((d) => d.raw.toString())).toEqual(stored.map((e) => e.payload));
    expect(all.receiver.deliveries[0]!.headers['x-real-id-signature']).toMatch(/^[0-9a-f]{64}$/);

    expect(await verified(filtered.receiver.deliveries, filtered.secret)).toEqual([{ id: ids[3], event: 'check.completed', checkId, testing: true }]);
    expect(filtered.secret).not.toBe(all.secret);
    // One line per event, with the local answer.
    const lines = all.p.output().split('\n').filter((l) => l.includes('-->'));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(new RegExp(`check\\.completed\\s+${checkId}\\s+--> \\[200\\] POST ${all.receiver.url}`));
  }, 90_000);

  it('triggers each of the eight events, each check ending with its event', async () => {
    const { receiver, secret } = await listen([]);
    const checks = new Map<string, string>();
    for (const event of EVENT_TYPES) {
      const run = await trigger(event);
      expect(run.code, run.output).toBe(0);
      checks.set(event, (JSON.parse(run.output) as { check_id: string }).check_id);
    }
    const total = (await Promise.all([...checks.values()].map(storedIds))).flat().length;
    await waitFor(() => receiver.deliveries.length >= total, `${total} deliveries`);
    const got = await verified(receiver.deliveries, secret);
    expect(got).toHaveLength(total);
    for (const [event, checkId] of checks) {
      const ofCheck = got.filter((g) => g.checkId === checkId);
      expect(ofCheck.map((g) => g.id)).toEqual(await storedIds(checkId));
      expect(ofCheck.at(-1)!.event).toBe(event);
    }
  }, 120_000);

  it('resumes after a dropped connection with every event exactly once, in order', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(t.url).port) });
    try {
      const { p, receiver, secret } = await listen([], acme.testKey, proxy.url);
      const first = await t.api(acme.testKey, 'POST', '/api/v1/checks', { customer: { email: 'first@example.com' } });
      await waitFor(() => receiver.deliveries.length === 1, 'the first event');

      proxy.cut();
      await waitFor(() => /Lost the connection|connection to the event stream ended/.test(p.output()), `listen to notice (${p.output()})`);
      // Made while listen cannot reach the server.
      const second = await t.api(acme.testKey, 'POST', '/api/v1/checks', { customer: { email: 'second@example.com' } });
      expect((await t.api(acme.testKey, 'POST', `/api/v1/checks/${second.body.check.id}/simulate`, { action: 'fail', reason: 'underage' })).status).toBe(200);
      proxy.open();

      const ids = [...(await storedIds(first.body.check.id)), ...(await storedIds(second.body.check.id))];
      await waitFor(() => receiver.deliveries.length >= ids.length, `${ids.length} deliveries (${p.output()})`);
      expect((await verified(receiver.deliveries, secret)).map((g) => g.id)).toEqual(ids);
      expect(p.output()).toContain('Reconnected; resuming after');
    } finally {
      await proxy.close();
    }
  }, 90_000);

  // PostgreSQL hands out seq before commit: an event can become visible after one with a higher seq. A stream
  // that moved its cursor past the later one would never send the earlier one.
  it.skipIf(dialect !== 'postgres')('never skips an event whose transaction commits after a later one', async () => {
    const { receiver, secret } = await listen([]);
    const early = await t.api(acme.testKey, 'POST', '/api/v1/checks', { customer: { email: 'early@example.com' } });
    await waitFor(() => receiver.deliveries.length === 1, 'the first event');
    const check = (await t.services.store.checks.get(acme.account.id, early.body.check.id))!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const inside = new Promise<void>((resolve) => (appended = resolve));
    const held = t.services.store.driver.transaction(async (tx) => {
      await t.services.store.events.append(tx, check, [buildEvent('customer.data_request', check, Date.now())]);
      appended();
      await gate;
    });
    await inside;
    let late: { body: { check: { id: string } } };
    try {
      late = await t.api(acme.testKey, 'POST', '/api/v1/checks', { customer: { email: 'late@example.com' } });
      // The stream woke for the late event: it either waits for the open transaction to end, or (wrongly)
      // has sent the late event already.
      const waiting = async () =>
        Number((await t.services.store.driver.get<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND mode = 'ShareLock' AND relation = to_regclass('events')`))!.n) > 0;
      await waitFor(async () => receiver.deliveries.length > 1 || (await waiting()), 'the stream to wake');
      expect(receiver.deliveries).toHaveLength(1);
    } finally {
      release();
      await held;
    }
    const ids = [...(await storedIds(early.body.check.id)), ...(await storedIds(late.body.check.id))];
    expect(ids).toHaveLength(3);
    await waitFor(() => receiver.deliveries.length >= 3, 'both events');
    expect((await verified(receiver.deliveries, secret)).map((g) => g.id)).toEqual(ids);
  }, 60_000);

  it('ends its open streams when the server closes, so stopping it does not wait for listeners', async () => {
    const own = await startTestService(dialect);
    const { testKey } = await own.newAccount('enterprise', 'Closing');
    const response = await fetch(`${own.url}/api/v1/events/stream`, { headers: { authorization: `Bearer ${testKey}` } });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');
    await own.close();
    let done = false;
    while (!done) done = (await reader.read().catch(() => ({ done: true }))).done;
    expect(done).toBe(true);
  });

  it('refuses a bad --reason before creating anything: one line, a non-zero exit, no stray check', async () => {
    const strays = await t.newAccount('enterprise', 'Strays');
    for (const reason of ['x'.repeat(500), 'not_a_reason', 'photo_blurry']) {
      const run = await runRealid(['trigger', 'check.failed', '--reason', reason, '--api-url', t.url], { REALID_API_KEY: strays.testKey });
      expect(run.code, run.output).toBe(1);
      expect(run.output.trim().split('\n'), run.output).toHaveLength(1);
      expect(run.output).toMatch(/^realid: .*reason.*\(422 validation_failed\)$/m);
    }
    expect((await t.api(strays.testKey, 'GET', '/api/v1/checks')).body.checks).toEqual([]);
    const run = await runRealid(['trigger', 'check.failed', '--reason', 'underage', '--api-url', t.url, '--json'], { REALID_API_KEY: strays.testKey });
    expect(run.code, run.output).toBe(0);
    const { check_id: checkId } = JSON.parse(run.output) as { check_id: string };
    const check = (await t.api(strays.testKey, 'GET', `/api/v1/checks/${checkId}`)).body.check;
    expect(check.step).toBe('failed');
    expect(check.sub_checks.flatMap((sc: { reasons: { code: string }[] }) => sc.reasons.map((r) => r.code))).toContain('underage');
  }, 60_000);

  it('refuses bad requests to the stream with typed errors, and ends listen when the key is refused', async () => {
    const stream = async (key: string | undefined, query = '', headers: Record<string, string> = {}) => {
      const res = await fetch(`${t.url}/api/v1/events/stream${query}`, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    expect(await stream(undefined)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(await stream(acme.testKey, '?event_types=check.created')).toMatchObject({ status: 422, body: { error: { code: 'validation_failed' } } });
    expect(await stream(acme.testKey, '?since=1')).toMatchObject({ status: 422, body: { error: { code: 'validation_failed' } } });
    expect(await stream(acme.testKey, '', { 'last-event-id': 'evt_nope' })).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    // Another account's event, and this account's event of the other mode, are not places to resume from.
    const otherCheck = await t.api(other.testKey, 'POST', '/api/v1/checks', { customer: { email: 'o@example.com' } });
    const liveCheck = await t.api(acme.liveKey, 'POST', '/api/v1/checks', { customer: { email: 'l@example.com' } });
    const [otherEvent] = await t.services.store.events.listForCheck(other.account.id, otherCheck.body.check.id);
    const [liveEvent] = await t.services.store.events.listForCheck(acme.account.id, liveCheck.body.check.id);
    expect(await stream(acme.testKey, '', { 'last-event-id': otherEvent!.id })).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await stream(acme.testKey, '', { 'last-event-id': liveEvent!.id })).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    const free = await t.newAccount('free', 'Free');
    expect(await stream(free.testKey)).toMatchObject({ status: 403, body: { error: { code: 'plan_required' } } });

    const refused = await runRealid(['listen', '--forward-to', 'http://127.0.0.1:9/hooks', '--api-url', t.url], { REALID_API_KEY: `sk_test_${'x'.repeat(30)}` });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('The API key is not valid');
    const live = await trigger('check.completed', acme.liveKey);
    expect(live).toMatchObject({ code: 2, output: expect.stringContaining('give it a test key') });
    const unknown = await trigger('check.created');
    expect(unknown).toMatchObject({ code: 2, output: expect.stringContaining('Unknown event "check.created"') });
  }, 90_000);
});
