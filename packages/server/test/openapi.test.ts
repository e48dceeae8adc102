// The OpenAPI document is valid OpenAPI 3.1 (checked by a maintained validator), documents every public route
// and the eight webhook events, and real answers of a started service validate against the response schemas it
// documents; the readable reference page is served, with its script, from this service alone.
import { Validator } from '@seriousme/openapi-schema-validator';
import { EVENT_TYPES } from '@realid/webhooks';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDetail, checkSummary } from '../src/checks/check-view.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { JPEG, NOT_AN_IMAGE, tokenOf, uploadPhoto } from './support/images.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema: object }> };
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: object }> } } }>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> };
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

describe.each(DIALECTS)('the OpenAPI document on %s', (dialect) => {
  let t: TestService;
  let receiver: WebhookReceiver;
  let doc: Document;
  let key: string;
  let accountId: string;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);

  beforeAll(async () => {
    t = await startTestService(dialect, { worker: true });
    receiver = await startWebhookReceiver();
    const account = await t.newAccount('enterprise', 'Schema Shop');
    key = account.testKey;
    accountId = account.account.id;
    doc = (await t.api(undefined, 'GET', '/api/v1/openapi.json')).body as Document;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  /** Asserts that a real answer matches the schema the document gives for this route and status. */
  function expectDocumented(path: string, method: string, res: { status: number; body: unknown }): void {
    const response = doc.paths[path]?.[method]?.responses[String(res.status)];
    const schema = response?.content?.['application/json']?.schema;
    expect(schema, `${method.toUpperCase()} ${path} documents ${res.status}`).toBeDefined();
    const validate = ajv.compile(schema!);
    expect(validate(res.body) ? [] : validate.errors, `${method.toUpperCase()} ${path} ${res.status}`).toEqual([]);
  }

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('gives every public route a summary, a tag and a response schema for each status, errors included', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).filter(([method]) => METHODS.includes(method)).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(30);
    for (const { path, method, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path, where).toMatch(/^\/api\/v1\//);
      expect(op.summary, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => s.startsWith('2')), where).toBe(true);
      for (const status of statuses) {
        expect(op.responses[status]!.description, `${where} ${status}`).not.toBe('Default Response');
        // JSON everywhere but the event stream, whose 200 is `text/event-stream`.
        const media = path === '/api/v1/events/stream' && status === '200' ? 'text/event-stream' : 'application/json';
        expect(op.responses[status]!.content?.[media]?.schema, `${where} ${status}`).toBeDefined();
      }
      if (!path.startsWith('/api/v1/meta/')) expect(statuses, where).toContain(path.startsWith('/api/v1/customer/') ? '404' : '401');
    }
    // Internal dashboard routes (sign-in, setup, pages) and the signed photo URLs are not part of the contract.
    const paths = Object.keys(doc.paths);
    expect(paths.filter((p) => /auth|photos\/\{id\}|openapi/.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/checks', '/api/v1/checks/{id}', '/api/v1/webhooks/endpoints', '/api/v1/customer/{token}/photos']));
  });

  it('declares the API key, the dashboard session, and no key on the customer’s and public routes', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.paths['/api/v1/customer/{token}']!.get!.security).toEqual([]);
    expect(doc.paths['/api/v1/meta/ip-ranges']!.get!.security).toEqual([]);
    expect(doc.paths['/api/v1/api-keys']!.post!.security).toEqual([{ session: [] }]);
  });

  it('documents the eight webhook events with their exact payloads', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    const payload = (type: string) => ajv.compile(doc.webhooks[type]!.post.requestBody.content['application/json']!.schema);
    const check = { id: '7TWFOC-auPI', testing: true };
    expect(payload('check.completed')({ event: 'check.completed', created_at: '2022-12-09T15:20:35.136Z', check: { ...check, step: 'completed' } })).toBe(true);
    expect(payload('check.completed')({ event: 'check.completed', created_at: '2022-12-09T15:20:35.136Z', check: { ...check, step: 'failed' } })).toBe(false);
    expect(payload('customer.data_request')({ event: 'customer.data_request', created_at: '2022-12-09T15:20:35.136Z', check })).toBe(true);
    expect(payload('customer.data_request')({ event: 'customer.data_request', created_at: '2022-12-09T15:20:35.136Z', check: { ...check, email: 'a@b.co' } })).toBe(false);
  });

  it('matches real answers: create, retrieve, list, delete a check, and its errors', async () => {
    const created = await t.api(key, 'POST', '/api/v1/checks', {
      customer: { email: 'jane@example.com', first_name: 'Jane', wc_id: 42 },
      order: { name: '#1001' },
      check: { intro_content: 'Hello', theme: { primary_color: '#112233' }, rules: { include_back_of_id: true, selfie_liveness: 'turn', signature_required: true } },
    });
    expect(created.status).toBe(201);
    expectDocumented('/api/v1/checks', 'post', created);
    const id = created.body.check.id as string;

    const passed = await t.api(key, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'pass' });
    expectDocumented('/api/v1/checks/{id}/simulate', 'post', passed);
    expect(passed.body.check.step).toBe('completed');
    const detail = await t.api(key, 'GET', `/api/v1/checks/${id}?withPhotos=true`);
    expectDocumented('/api/v1/checks/{id}', 'get', detail);
    const rejected = await t.api(key, 'POST', `/api/v1/checks/${id}/reject`, { reason: 'Looked again' });
    expectDocumented('/api/v1/checks/{id}/reject', 'post', rejected);
    expect(rejected.body.check.decision).toMatchObject({ by: 'merchant', verdict: 'failed', reason: 'Looked again' });

    const list = await t.api(key, 'GET', '/api/v1/checks?limit=5');
    expectDocumented('/api/v1/checks', 'get', list);
    expectDocumented('/api/v1/checks/{id}/access-log', 'get', await t.api(key, 'GET', `/api/v1/checks/${id}/access-log`));
    expectDocumented('/api/v1/access-log', 'get', await t.api(key, 'GET', '/api/v1/access-log'));
    expect(doc.paths['/api/v1/access-log']!.get!.responses['200']!.content!['text/csv']!.schema).toMatchObject({ type: 'string' });
    expectDocumented('/api/v1/account', 'get', await t.api(key, 'GET', '/api/v1/account'));

    const missing = await t.api(key, 'GET', '/api/v1/checks/NOPE00-0000');
    expect(missing.status).toBe(404);
    expectDocumented('/api/v1/checks/{id}', 'get', missing);
    const invalid = await t.api(key, 'POST', '/api/v1/checks', { customer: { first_name: 'No contact' } });
    expect(invalid.status).toBe(422);
    expectDocumented('/api/v1/checks', 'post', invalid);
    expect(invalid.body.error.fields.length).toBeGreaterThan(0);
    const unauthorized = await t.api(undefined, 'GET', '/api/v1/checks');
    expect(unauthorized.status).toBe(401);
    expectDocumented('/api/v1/checks', 'get', unauthorized);

    const triggered = await t.api(key, 'POST', '/api/v1/checks/trigger', { event: 'check.failed', reason: 'underage' });
    expect(triggered.status).toBe(201);
    expectDocumented('/api/v1/checks/trigger', 'post', triggered);
    const refused = await t.api(key, 'POST', '/api/v1/checks/trigger', { event: 'check.failed', reason: 'photo_blurry' });
    expect(refused.status).toBe(422);
    expectDocumented('/api/v1/checks/trigger', 'post', refused);

    const deleted = await t.api(key, 'DELETE', `/api/v1/checks/${id}`);
    expectDocumented('/api/v1/checks/{id}', 'delete', deleted);
    expectDocumented('/api/v1/checks/{id}', 'get', await t.api(key, 'GET', `/api/v1/checks/${id}`));
  });

  it('drops no field the check views produce (the response schemas also serialize)', async () => {
    const created = await t.api(key, 'POST', '/api/v1/checks', {
      customer: { phone: '+1 555 010 0000', last_name: 'Doe' },
      rules: { selfie_liveness: 'turn', name_match: true },
    });
    const id = created.body.check.id as string;
    await t.api(key, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'submit_photo', kind: 'front' });
    await t.api(key, 'POST', `/api/v1/checks/${id}/approve`, { reason: 'Known customer' });
    const record = (await t.services.store.checks.get(accountId, id))!;
    const account = (await t.services.store.accounts.get(accountId))!;
    const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

    expect((await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check).toEqual(json(await checkDetail(t.services, record, account, false)));
    const listed = (await t.api(key, 'GET', '/api/v1/checks?limit=100')).body.checks.find((c: { id: string }) => c.id === id);
    expect(listed).toEqual(json(checkSummary(record, account)));
    expect(listed.rules.name_match).toBe(true);
  });

  it('matches real answers of the webhook endpoints and the delivery log', async () => {
    const created = await t.api(key, 'POST', '/api/v1/webhooks/endpoints', { url: receiver.url, event_types: ['check.delivered', 'check.completed'], description: 'orders' });
    expect(created.status).toBe(201);
    expectDocumented('/api/v1/webhooks/endpoints', 'post', created);
    const endpointId = created.body.endpoint.id as string;
    expect(created.body.endpoint).toMatchObject({ url: receiver.url, mode: 'test', description: 'orders', enabled: true, failing_since: null });

    expectDocumented('/api/v1/webhooks/endpoints', 'get', await t.api(key, 'GET', '/api/v1/webhooks/endpoints'));
    expectDocumented('/api/v1/webhooks/endpoints/{id}', 'get', await t.api(key, 'GET', `/api/v1/webhooks/endpoints/${endpointId}`));
    expectDocumented('/api/v1/webhooks/endpoints/{id}', 'patch', await t.api(key, 'PATCH', `/api/v1/webhooks/endpoints/${endpointId}`, { description: 'all orders' }));
    const queued = await t.api(key, 'POST', `/api/v1/webhooks/endpoints/${endpointId}/test`, { event_type: 'customer.data_request' });
    expect(queued.status).toBe(202);
    expectDocumented('/api/v1/webhooks/endpoints/{id}/test', 'post', queued);
    expectDocumented('/api/v1/webhooks/secret', 'get', await t.api(key, 'GET', '/api/v1/webhooks/secret'));

    const check = (await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'hook@example.com' } })).body.check;
    await waitFor(() => receiver.deliveries.some((d) => d.body.check.id === check.id), 'the delivery');
    await waitFor(async () => (await t.api(key, 'GET', `/api/v1/webhooks/messages?check_id=${check.id}&status=delivered`)).body.messages.length === 1, 'the record');
    const messages = await t.api(key, 'GET', '/api/v1/webhooks/messages');
    expectDocumented('/api/v1/webhooks/messages', 'get', messages);
    const message = messages.body.messages.find((m: { check_id: string }) => m.check_id === check.id);
    expect(message.payload).toEqual({ event: 'check.delivered', created_at: expect.any(String), check: { id: check.id, step: 'delivered', testing: true } });
    expectDocumented('/api/v1/webhooks/messages/{id}', 'get', await t.api(key, 'GET', `/api/v1/webhooks/messages/${message.id}`));
    const attempts = await t.api(key, 'GET', `/api/v1/webhooks/messages/${message.id}/attempts`);
    expectDocumented('/api/v1/webhooks/messages/{id}/attempts', 'get', attempts);
    expect(attempts.body.attempts[0]).toMatchObject({ attempt_no: 1, status_code: 200, error_code: null });
    expectDocumented('/api/v1/webhooks/log', 'get', await t.api(key, 'GET', '/api/v1/webhooks/log'));

    const rotated = await t.api(key, 'POST', '/api/v1/webhooks/secret/rotate');
    expectDocumented('/api/v1/webhooks/secret/rotate', 'post', rotated);
    const notFound = await t.api(key, 'GET', '/api/v1/webhooks/endpoints/ep_missing');
    expect(notFound.status).toBe(404);
    expectDocumented('/api/v1/webhooks/endpoints/{id}', 'get', notFound);
    const blocked = await t.api(key, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://169.254.169.254/', event_types: ['check.opened'] });
    expect(blocked.status).toBe(422);
    expectDocumented('/api/v1/webhooks/endpoints', 'post', blocked);
    const { testKey: freeKey } = await t.newAccount('free', 'Free Shop');
    const planRequired = await t.api(freeKey, 'GET', '/api/v1/webhooks/endpoints');
    expect(planRequired.body.error.code).toBe('plan_required');
    expectDocumented('/api/v1/webhooks/endpoints', 'get', planRequired);
    expectDocumented('/api/v1/webhooks/endpoints/{id}', 'delete', await t.api(key, 'DELETE', `/api/v1/webhooks/endpoints/${endpointId}`));
  });

  it('matches a real notice, its data included', async () => {
    const gone = await startWebhookReceiver();
    gone.behaviour = () => ({ status: 410 });
    try {
      const endpoint = (await t.api(key, 'POST', '/api/v1/webhooks/endpoints', { url: gone.url, event_types: ['check.delivered'] })).body.endpoint;
      await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'gone@example.com' } });
      const disabled = async () => (await t.api(key, 'GET', '/api/v1/webhooks/log')).body.entries.find((e: { kind: string }) => e.kind === 'endpoint_disabled');
      await waitFor(async () => (await disabled()) !== undefined, 'the notice');
      expectDocumented('/api/v1/webhooks/log', 'get', await t.api(key, 'GET', '/api/v1/webhooks/log'));
      expect((await disabled()).data).toEqual({ endpoint_id: endpoint.id, mode: 'test', url: gone.url });
    } finally {
      await gone.close();
    }
  });

  it('matches real answers on the customer’s side and the public routes', async () => {
    const link = (await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'c+blurry@example.com' } })).body.check.link as string;
    const token = tokenOf(link);
    expectDocumented('/api/v1/customer/{token}', 'get', await t.api(undefined, 'GET', `/api/v1/customer/${token}`));
    expectDocumented('/api/v1/customer/{token}/open', 'post', await t.api(undefined, 'POST', `/api/v1/customer/${token}/open`));
    const upload = doc.paths['/api/v1/customer/{token}/photos']!.post!.requestBody!.content['multipart/form-data']!.schema;
    expect(upload).toMatchObject({ required: ['photo'], properties: { kind: { enum: expect.arrayContaining(['front', 'selfie']) } } });
    const retake = await uploadPhoto(t.url, token, 'front', JPEG);
    expect(retake.body.photo).toMatchObject({ status: 'rejected', reasons: [{ code: 'photo_blurry', retryable: true }] });
    expect(retake.body.check.retake).toMatchObject({ kind: 'front' });
    expectDocumented('/api/v1/customer/{token}/photos', 'post', retake);
    const accepted = await uploadPhoto(t.url, token, 'front', JPEG);
    expect(accepted.status).toBe(201);
    expectDocumented('/api/v1/customer/{token}/photos', 'post', accepted);
    const notImage = await uploadPhoto(t.url, token, 'selfie', NOT_AN_IMAGE);
    expect(notImage.status).toBe(415);
    expectDocumented('/api/v1/customer/{token}/photos', 'post', notImage);
    const filed = await t.api(undefined, 'POST', `/api/v1/customer/${token}/privacy-requests`, { kind: 'data_request' });
    expectDocumented('/api/v1/customer/{token}/privacy-requests', 'post', filed);
    expectDocumented('/api/v1/customer/{token}', 'get', await t.api(undefined, 'GET', '/api/v1/customer/not-a-token'));
    expectDocumented('/api/v1/meta/ip-ranges', 'get', await t.api(undefined, 'GET', '/api/v1/meta/ip-ranges'));
    expectDocumented('/api/v1/meta/event-schemas', 'get', await t.api(undefined, 'GET', '/api/v1/meta/event-schemas'));
  });

  it('serves a readable reference whose script comes from this service', async () => {
    const page = await fetch(`${t.url}/api/reference`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('spec-url="/api/v1/openapi.json"');
    // Nothing the page loads comes from another host: it works with no network.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['/api/reference/redoc.standalone.js']);

    const script = await fetch(`${t.url}${scripts[0]}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const code = await script.text();
    expect(code.length).toBeGreaterThan(500_000);
    expect(code).toContain('Redoc');
  });
});
