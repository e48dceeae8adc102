// The webhooks API: Enterprise only, endpoints checked like deliveries, secret rotation, resend and recover,
// test events, failure notices by email over real SMTP, disabling after days of failure, tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../src/events/event-types.ts';
import { DIALECTS } from './support/databases.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';

const DAY = 24 * 3600_000;

describe.each(DIALECTS)('webhooks API on %s', (dialect) => {
  let t: TestService;
  let receiver: WebhookReceiver;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestService(dialect, {
      worker: true,
      config: (c) => {
        c.webhooks.retrySchedule = [5_000, 300_000];
        c.smtpUrl = smtp.url;
      },
    });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
    await smtp.close();
  });

  async function enterprise() {
    const created = await t.newAccount();
    await t.services.store.accounts.update(created.account.id, { notifyEmail: 'ops@merchant.test' });
    return created;
  }
  const addEndpoint = (key: string, body: object) => t.api(key, 'POST', '/api/v1/webhooks/endpoints', body);

  it('refuses accounts without the Enterprise plan with a typed, helpful error', async () => {
    const { testKey } = await t.newAccount('pro');
    const res = await t.api(testKey, 'GET', '/api/v1/webhooks/endpoints');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('plan_required');
    expect(res.body.error.message).toMatch(/Enterprise/);
    expect((await addEndpoint(testKey, { url: receiver.url, event_types: ['check.completed'] })).status).toBe(403);
  });

  it('validates endpoints: event types, https in live mode, and blocked addresses', async () => {
    const { testKey, liveKey } = await enterprise();
    expect((await addEndpoint(testKey, { url: receiver.url, event_types: ['check.created'] })).status).toBe(422);
    expect((await addEndpoint(testKey, { url: receiver.url, event_types: [] })).status).toBe(422);
    expect((await addEndpoint(testKey, { url: 'not a url', event_types: ['check.completed'] })).body.error.code).toBe('invalid_url');
    expect((await addEndpoint(testKey, { url: 'ftp://example.com/x', event_types: ['check.completed'] })).body.error.code).toBe('invalid_url');
    const live = await addEndpoint(liveKey, { url: 'http://example.com/hooks', event_types: ['check.completed'] });
    expect(live.status).toBe(422);
    expect(live.body.error).toMatchObject({ code: 'invalid_url', message: 'Live-mode endpoints must use https.' });
    for (const url of ['http://169.254.169.254/latest', 'http://10.0.0.1/', 'http://[::ffff:169.254.169.254]/', 'http://0xa9fea9fe/', 'http://[fd00:ec2::254]/']) {
      const res = await addEndpoint(testKey, { url, event_types: ['check.completed'] });
      expect(res.body.error?.code, url).toBe('blocked_address');
    }
    const ok = await addEndpoint(testKey, { url: receiver.url, event_types: ['check.completed', 'check.completed'], description: 'orders' });
    expect(ok.body.endpoint).toMatchObject({ mode: 'test', enabled: true, event_types: ['check.completed'], description: 'orders' });
    const patched = await t.api(testKey, 'PATCH', `/api/v1/webhooks/endpoints/${ok.body.endpoint.id}`, { enabled: false, event_types: ['check.failed'] });
    expect(patched.body.endpoint).toMatchObject({ enabled: false, disabled_reason: 'manual', event_types: ['check.failed'] });
    expect((await t.api(testKey, 'DELETE', `/api/v1/webhooks/endpoints/${ok.body.endpoint.id}`)).status).toBe(200);
    expect((await t.api(testKey, 'GET', `/api/v1/webhooks/endpoints/${ok.body.endpoint.id}`)).status).toBe(404);
  });

  it('refuses loopback receivers unless the operator allows them', async () => {
    const strict = await startTestService(dialect, { config: (c) => (c.webhooks.allowLoopback = false) });
    try {
      const { testKey } = await strict.newAccount();
      for (const url of [receiver.url, 'http://localhost:1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://[::1]/', 'http://127.1/']) {
        expect((await strict.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: ['check.completed'] })).body.error?.code, url).toBe('blocked_address');
      }
    } finally {
      await strict.close();
    }
  });

  it('rotates the secret with an overlap: both sign until the old one expires', async () => {
    const { testKey, signingSecrets } = await enterprise();
    await addEndpoint(testKey, { url: receiver.url, event_types: ['check.delivered'] });
    const rotated = await t.api(testKey, 'POST', '/api/v1/webhooks/secret/rotate');
    expect(rotated.body.secret).toMatch(/^whsec_/);
    const secrets = (await t.api(testKey, 'GET', '/api/v1/webhooks/secret')).body.secrets;
    expect(secrets.map((x: { secret: string }) => x.secret)).toEqual([signingSecrets.test, rotated.body.secret]);
    expect(Date.parse(secrets[0].expires_at) - t.clock.now()).toBe(24 * 3600_000);

    const before = receiver.deliveries.length;
    const check = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'r@example.com' } })).body.check;
    await waitFor(() => receiver.deliveries.some((d) => d.body.check.id === check.id), 'the delivery');
    const headers = receiver.deliveries[before]!.headers;
    expect(String(headers['webhook-signature']).split(' ')).toHaveLength(2);

    t.advance(DAY + 1000);
    expect((await t.api(testKey, 'GET', '/api/v1/webhooks/secret')).body.secrets).toHaveLength(1);
    const later = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'r@example.com' } })).body.check;
    await waitFor(() => receiver.deliveries.some((d) => d.body.check.id === later.id), 'the later delivery');
    expect(String(receiver.deliveries.at(-1)!.headers['webhook-signature']).split(' ')).toHaveLength(1);
  });

  it('resends a message, sends test events of any type, and recovers failures since a time', async () => {
    const { testKey } = await enterprise();
    const endpoint = (await addEndpoint(testKey, { url: receiver.url, event_types: ['check.delivered'] })).body.endpoint;
    const test = await t.api(testKey, 'POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, { event_type: 'customer.data_request' });
    expect(test.status).toBe(202);
    await waitFor(() => receiver.deliveries.some((d) => d.body.event === 'customer.data_request' && d.body.check.id.startsWith('TEST00-')), 'the test event');

    const check = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'x@example.com' } })).body.check;
    await waitFor(async () => (await t.api(testKey, 'GET', `/api/v1/webhooks/messages?check_id=${check.id}&status=delivered`)).body.messages.length === 1, 'delivery');
    const [message] = (await t.api(testKey, 'GET', `/api/v1/webhooks/messages?check_id=${check.id}`)).body.messages;
    const resent = await t.api(testKey, 'POST', `/api/v1/webhooks/messages/${message.id}/resend`);
    expect(resent.status).toBe(202);
    await waitFor(() => receiver.deliveries.filter((d) => d.body.check.id === check.id).length === 2, 'the resend');
    const copies = receiver.deliveries.filter((d) => d.body.check.id === check.id);
    expect(copies[1]!.raw.equals(copies[0]!.raw)).toBe(true);
    expect(copies[1]!.headers['webhook-id']).toBe(copies[0]!.headers['webhook-id']);

    receiver.behaviour = () => ({ status: 500 });
    const since = new Date(t.clock.now()).toISOString();
    const failing: string[] = [];
    for (let i = 0; i < 2; i++) failing.push((await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'f@example.com' } })).body.check.id);
    for (let round = 0; round < 3; round++) {
      await waitFor(async () => (await t.api(testKey, 'GET', '/api/v1/webhooks/messages?status=pending')).body.messages.every((m: { attempts: number }) => m.attempts > round), `attempt ${round + 1}`);
      t.advance(10 * 60_000);
    }
    await waitFor(async () => (await t.api(testKey, 'GET', '/api/v1/webhooks/messages?status=failed')).body.messages.length === 2, 'exhaustion');
    const dry = await t.api(testKey, 'POST', `/api/v1/webhooks/endpoints/${endpoint.id}/recover`, { since, dry_run: true });
    expect(dry.body).toEqual({ count: 2, dry_run: true });
    receiver.behaviour = () => ({ status: 200 });
    const recovered = await t.api(testKey, 'POST', `/api/v1/webhooks/endpoints/${endpoint.id}/recover`, { since });
    expect(recovered.body.count).toBe(2);
    await waitFor(() => failing.every((id) => receiver.accepted().some((d) => d.body.check.id === id)), 'recovered deliveries');

    const log = (await t.api(testKey, 'GET', '/api/v1/webhooks/log')).body.entries.map((e: { kind: string }) => e.kind);
    expect(log).toContain('endpoint_failing');
    expect(log.filter((k: string) => k === 'message_exhausted')).toHaveLength(2);
    await waitFor(() => smtp.messages.filter((m) => m.raw.includes('could not be delivered')).length >= 2, 'notice emails');
    const notices = smtp.messages.filter((m) => m.raw.includes('[realid]'));
    expect(notices.every((m) => m.to.includes('ops@merchant.test'))).toBe(true);
    const links = smtp.messages.filter((m) => m.to.includes('f@example.com'));
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]!.raw).toMatch(/\/c\/[A-Za-z0-9_-]{43}/);
  });

  it('disables an endpoint that has failed for five days, and resumes it when re-enabled', async () => {
    const { testKey } = await enterprise();
    const endpoint = (await addEndpoint(testKey, { url: receiver.url, event_types: ['check.delivered'] })).body.endpoint;
    receiver.behaviour = () => ({ status: 503 });
    await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'a@example.com' } });
    await waitFor(async () => (await t.api(testKey, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`)).body.endpoint.failing_since !== null, 'failing');
    // The second message is queued before the clock moves: after it, the first message's retry alone disables the
    // endpoint, and a check created once it is disabled queues nothing for it (the race this test once lost).
    expect((await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'b@example.com' } })).status).toBe(201);
    // A minute past five days: the clock stands still between advances, but an attempt's latency is real time, so
    // a later attempt quicker than the first would otherwise fall a few milliseconds short of five days.
    t.advance(5 * DAY + 60_000);
    await waitFor(async () => !(await t.api(testKey, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`)).body.endpoint.enabled, 'disabled');
    expect((await t.api(testKey, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`)).body.endpoint.disabled_reason).toBe('failing');
    await waitFor(() => smtp.messages.some((m) => m.raw.includes('was disabled')), 'the disabled email');
    const whileDisabled = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'c@example.com' } })).body.check.id;

    receiver.behaviour = () => ({ status: 200 });
    await t.api(testKey, 'PATCH', `/api/v1/webhooks/endpoints/${endpoint.id}`, { enabled: true });
    t.advance(DAY);
    await waitFor(async () => (await t.api(testKey, 'GET', '/api/v1/webhooks/messages?status=delivered')).body.messages.length === 2, 'resumed deliveries');
    expect((await t.api(testKey, 'GET', `/api/v1/webhooks/messages?check_id=${whileDisabled}`)).body.messages).toEqual([]);
  });

  it('keeps every webhook route inside its own account', async () => {
    const owner = await enterprise();
    const intruder = await enterprise();
    const endpoint = (await addEndpoint(owner.testKey, { url: receiver.url, event_types: ['check.delivered'] })).body.endpoint;
    await t.api(owner.testKey, 'POST', '/api/v1/checks', { customer: { email: 'o@example.com' } });
    await waitFor(async () => (await t.api(owner.testKey, 'GET', '/api/v1/webhooks/messages')).body.messages.length === 1, 'a message');
    const [message] = (await t.api(owner.testKey, 'GET', '/api/v1/webhooks/messages')).body.messages;
    const probes: [string, string, object?][] = [
      ['GET', `/api/v1/webhooks/endpoints/${endpoint.id}`],
      ['PATCH', `/api/v1/webhooks/endpoints/${endpoint.id}`, { enabled: false }],
      ['DELETE', `/api/v1/webhooks/endpoints/${endpoint.id}`],
      ['POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, { event_type: 'check.completed' }],
      ['POST', `/api/v1/webhooks/endpoints/${endpoint.id}/recover`, { since: new Date(0).toISOString() }],
      ['GET', `/api/v1/webhooks/messages/${message.id}`],
      ['GET', `/api/v1/webhooks/messages/${message.id}/attempts`],
      ['POST', `/api/v1/webhooks/messages/${message.id}/resend`],
    ];
    for (const [method, path, body] of probes) expect((await t.api(intruder.testKey, method, path, body)).status, `${method} ${path}`).toBe(404);
    expect((await t.api(intruder.testKey, 'GET', '/api/v1/webhooks/messages')).body.messages).toEqual([]);
    expect((await t.api(intruder.testKey, 'GET', '/api/v1/webhooks/endpoints')).body.endpoints).toEqual([]);
    const secret = (await t.api(intruder.testKey, 'GET', '/api/v1/webhooks/secret')).body.secrets[0].secret;
    expect(secret).toBe(intruder.signingSecrets.test);
    expect((await t.api(owner.testKey, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`)).body.endpoint.enabled).toBe(true);
  });

  it('publishes a JSON Schema for each of the eight event types', async () => {
    const schemas = (await t.api(undefined, 'GET', '/api/v1/meta/event-schemas')).body.schemas;
    expect(Object.keys(schemas).sort()).toEqual([...EVENT_TYPES].sort());
    expect(schemas['check.completed'].properties.check.properties.step).toEqual({ const: 'completed' });
    expect(schemas['customer.data_request'].properties.check.required).toEqual(['id', 'testing']);
  });

  it('publishes the configured egress ranges', async () => {
    t.services.config.webhooks.egressRanges = ['203.0.113.0/28'];
    expect((await t.api(undefined, 'GET', '/api/v1/meta/ip-ranges')).body.webhooks.ranges).toEqual(['203.0.113.0/28']);
  });
});
