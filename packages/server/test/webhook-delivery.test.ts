// Deliveries to real receivers on loopback: signatures by the published recipe, order per check,
// retries on the schedule (with a moved clock, not sleeps), and each failure answer handled as specified.
import { createHmac } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { constructEvent } from '@realid/webhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS } from '../src/events/event-schemas.ts';
import { DIALECTS } from './support/databases.ts';
import { tokenOf } from './support/images.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';

const ALL_EVENTS = Object.keys(EVENT_SCHEMAS);
const ajv = new Ajv2020.default({ strict: false });
addFormats.default(ajv);

describe.each(DIALECTS)('webhook delivery on %s', (dialect) => {
  let t: TestService;
  let receiver: WebhookReceiver;
  let key: string;
  let secret: string;

  beforeAll(async () => {
    t = await startTestService(dialect, {
      worker: true,
      config: (c) => {
        c.webhooks.retrySchedule = [5_000, 300_000, 1_800_000];
        c.webhooks.totalTimeoutMs = 400;
      },
    });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  afterEach(() => {
    receiver.deliveries.length = 0;
    receiver.behaviour = () => ({ status: 200 });
  });

  async function account(events = ALL_EVENTS) {
    const created = await t.newAccount();
    key = created.testKey;
    secret = created.signingSecrets.test;
    const ep = await t.api(key, 'POST', '/api/v1/webhooks/endpoints', { url: receiver.url, event_types: events });
    expect(ep.status).toBe(201);
    return ep.body.endpoint.id as string;
  }
  const newCheck = async (email = 'c@example.com') => (await t.api(key, 'POST', '/api/v1/checks', { customer: { email } })).body.check;
  const messages = async (query = '') => (await t.api(key, 'GET', `/api/v1/webhooks/messages${query}`)).body.messages;

  it('delivers events whose wake-up never came, at the worker’s next look at the queue', async () => {
    // A wake-up is a hint sent after the commit (on PostgreSQL, on a connection that does not wait for the
    // disk): a crash or a lost connection can drop it, and nothing may depend on it.
    await account(['check.delivered']);
    const driver = t.services.store.driver;
    const notify = driver.notify;
    let dropped = 0;
    driver.notify = async () => void dropped++;
    try {
      const check = await newCheck();
      expect(dropped).toBeGreaterThan(0);
      await waitFor(() => receiver.deliveries.some((d) => d.body.check?.id === check.id), 'the delivery');
    } finally {
      driver.notify = notify;
    }
  });

  it('delivers every event type with the contract’s body, signed by the published recipe', async () => {
    await account();
    const passed = await newCheck();
    await t.api(key, 'POST', `/api/v1/checks/${passed.id}/simulate`, { action: 'pass' });
    const failed = await newCheck();
    await t.api(key, 'POST', `/api/v1/checks/${failed.id}/simulate`, { action: 'fail', reason: 'document_expired' });
    for (const kind of ['data_request', 'manual_review', 'data_deletion']) {
      await t.api(undefined, 'POST', `/api/v1/customer/${tokenOf(failed.link)}/privacy-requests`, { kind });
    }
    await waitFor(() => receiver.deliveries.length >= 11, '11 deliveries');
    expect(new Set(receiver.deliveries.map((d) => d.body.event))).toEqual(new Set(ALL_EVENTS));

    const timeline = (await t.api(key, 'GET', `/api/v1/checks/${failed.id}`)).body.check.timeline;
    for (const d of receiver.deliveries) {
      const h = d.headers;
      expect(h['content-type']).toBe('application/json');
      expect(h['x-real-id-signature']).toBe(createHmac('sha256', Buffer.from(secret, 'utf8')).update(d.raw).digest('hex'));
      const key64 = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const signed = Buffer.concat([Buffer.from(`${h['webhook-id']}.${h['webhook-timestamp']}.`), d.raw]);
      expect(h['webhook-signature']).toBe(`v1,${createHmac('sha256', key64).update(signed).digest('base64')}`);
      expect(h['x-real-id-event']).toBe(d.body.event);
      expect(h['x-real-id-attempt']).toBe('1');
      expect(Math.abs(Number(h['webhook-timestamp']) - t.clock.now() / 1000)).toBeLessThan(5);
      expect(ajv.validate(EVENT_SCHEMAS[d.body.event as keyof typeof EVENT_SCHEMAS], d.body)).toBe(true);
      expect(JSON.stringify(d.body)).not.toContain('example.com');
      const event = await constructEvent(d.raw, h as Record<string, string>, secret, { now: () => new Date(t.clock.now()) });
      expect(event.event).toBe(d.body.event);
      if (d.body.check.id === failed.id) expect(timeline.map((e: { id: string }) => e.id)).toContain(h['webhook-id']);
    }
    const completed = receiver.deliveries.find((d) => d.body.event === 'check.completed')!;
    expect(completed.body).toEqual({ event: 'check.completed', created_at: completed.body.created_at, check: { id: passed.id, step: 'completed', testing: true } });
  });

  it('sends only the events an endpoint subscribed to, and only to endpoints of the check’s mode', async () => {
    await account(['check.completed']);
    await t.api(key, 'POST', '/api/v1/webhooks/endpoints', { url: receiver.url.replace('/hooks', '/live'), event_types: ALL_EVENTS, mode: 'test', enabled: false });
    const check = await newCheck();
    await t.api(key, 'POST', `/api/v1/checks/${check.id}/simulate`, { action: 'pass' });
    await waitFor(() => receiver.deliveries.length >= 1, 'the completed event');
    expect((await messages()).map((m: { event_type: string }) => m.event_type)).toEqual(['check.completed']);
  });

  it('keeps one check’s events in order while an earlier one is retried, and lets other checks through', async () => {
    await account();
    const a = await newCheck('a@example.com');
    receiver.behaviour = (d) => (d.body.check.id === a.id && d.headers['x-real-id-attempt'] === '1' && d.body.event === 'check.delivered' ? { status: 500, body: 'try later' } : { status: 200 });
    const b = await newCheck('b@example.com');
    await t.api(key, 'POST', `/api/v1/checks/${a.id}/simulate`, { action: 'pass' });
    await t.api(key, 'POST', `/api/v1/checks/${b.id}/simulate`, { action: 'pass' });
    await waitFor(() => receiver.deliveries.filter((d) => d.body.check.id === b.id).length === 4, 'check B’s four events');
    expect(receiver.deliveries.filter((d) => d.body.check.id === a.id).map((d) => d.body.event)).toEqual(['check.delivered']);

    const aDelivered = `?check_id=${a.id}&event_type=check.delivered`;
    await waitFor(async () => (await messages(aDelivered))[0]?.attempts === 1, 'check A’s failed attempt to be recorded');
    const [failedMessage] = await messages(aDelivered);
    expect(failedMessage).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
    const attempts = (await t.api(key, 'GET', `/api/v1/webhooks/messages/${failedMessage.id}/attempts`)).body.attempts;
    expect(attempts[0]).toMatchObject({ attempt_no: 1, status_code: 500, error_code: 'http_status', response_excerpt: 'try later' });
    expect(Date.parse(failedMessage.next_attempt_at) - Date.parse(attempts[0].started_at) - attempts[0].latency_ms).toBe(5000);

    t.advance(6000);
    await waitFor(() => receiver.deliveries.filter((d) => d.body.check.id === a.id).length === 5, 'check A’s retried events');
    const aEvents = receiver.deliveries.filter((d) => d.body.check.id === a.id);
    expect(aEvents.map((d) => d.body.event)).toEqual(['check.delivered', 'check.delivered', 'check.opened', 'check.submitted-photo', 'check.completed']);
    expect(aEvents[1]!.headers['webhook-id']).toBe(aEvents[0]!.headers['webhook-id']);
    expect(aEvents[1]!.headers['x-real-id-attempt']).toBe('2');
  });

  it('retries a receiver that was down until it is up again', async () => {
    await account(['check.delivered']);
    receiver.behaviour = () => 'reset';
    const checks = [await newCheck(), await newCheck(), await newCheck()];
    await waitFor(async () => (await messages('?status=pending')).filter((m: { attempts: number }) => m.attempts === 1).length === 3, 'three failed first attempts');
    expect((await messages())[0].last_error).toMatch(/connection_reset|network/);
    receiver.behaviour = () => ({ status: 204 });
    t.advance(6000);
    await waitFor(async () => (await messages('?status=delivered')).length === 3, 'all three delivered');
    expect(new Set(receiver.accepted().map((d) => d.body.check.id))).toEqual(new Set(checks.map((c) => c.id)));
  });

  it('honours Retry-After on 429 within one to two times the scheduled delay', async () => {
    await account(['check.delivered']);
    receiver.behaviour = (_d, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '8' } } : { status: 200 });
    await newCheck();
    await waitFor(async () => (await messages())[0]?.attempts === 1, 'the 429');
    const [m] = await messages();
    const [attempt] = (await t.api(key, 'GET', `/api/v1/webhooks/messages/${m.id}/attempts`)).body.attempts;
    expect(Date.parse(m.next_attempt_at) - Date.parse(attempt.started_at) - attempt.latency_ms).toBe(8000);
    receiver.behaviour = (_d, i) => (i === 0 ? { status: 503, headers: { 'retry-after': '3600' } } : { status: 200 });
    receiver.deliveries.length = 0;
    await newCheck();
    const is503 = (x: { last_status_code: number }) => x.last_status_code === 503;
    await waitFor(async () => (await messages('?status=pending')).some(is503), 'the 503');
    const clamped = (await messages('?status=pending')).find(is503);
    const [a2] = (await t.api(key, 'GET', `/api/v1/webhooks/messages/${clamped.id}/attempts`)).body.attempts;
    expect(Date.parse(clamped.next_attempt_at) - Date.parse(a2.started_at) - a2.latency_ms).toBe(10_000);
  });

  it('disables the endpoint on 410 Gone and says so in the account log', async () => {
    const endpointId = await account(['check.delivered']);
    receiver.behaviour = () => ({ status: 410 });
    await newCheck();
    await waitFor(async () => (await messages())[0]?.status === 'failed', 'the message to fail');
    const endpoint = (await t.api(key, 'GET', `/api/v1/webhooks/endpoints/${endpointId}`)).body.endpoint;
    expect(endpoint).toMatchObject({ enabled: false, disabled_reason: 'gone' });
    const log = (await t.api(key, 'GET', '/api/v1/webhooks/log')).body.entries;
    expect(log.map((e: { kind: string }) => e.kind)).toContain('endpoint_disabled');
    // The very next check queues nothing for it.
    await newCheck();
    expect(await messages()).toHaveLength(1);
  });

  it('does not follow redirects and records timeouts', async () => {
    await account(['check.delivered']);
    receiver.behaviour = (d) => (d.headers['x-real-id-attempt'] === '1' ? { status: 301, headers: { location: `${receiver.url}/moved` } } : 'hang');
    await newCheck();
    await waitFor(async () => (await messages())[0]?.attempts === 1, 'the redirect');
    expect(receiver.deliveries).toHaveLength(1);
    expect((await messages())[0]).toMatchObject({ status: 'pending', last_status_code: 301, last_error: 'http_status' });
    t.advance(6000);
    await waitFor(async () => (await messages())[0]?.attempts === 2, 'the timeout');
    expect((await messages())[0].last_error).toBe('timeout');
  });
});
