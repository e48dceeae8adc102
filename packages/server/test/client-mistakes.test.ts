// Every client mistake gets a 4xx in the API's error shape, on both engines, and changes nothing: the requests
// an adversarial pass (issue 14) found answered with a 500, replayed one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.ts';
import { JPEG, tokenOf } from './support/images.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { signedInUser, type WebClient } from './web/web-client.ts';

interface Context {
  t: TestService;
  key: string;
  client: WebClient;
  checkId: string;
  token: string;
  endpointId: string;
}
interface Answer {
  status: number;
  body: any;
}
interface Case {
  name: string;
  send(c: Context): Promise<Answer>;
  status: number;
  code: string;
  field?: string;
}

const cursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const LEAP_SECOND = '2016-12-31T23:59:60Z';

async function raw(c: Context, method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const response = await fetch(`${c.t.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A multipart body with a kind field and a JPEG, framed by `boundary`; `end` false leaves it unterminated. */
function multipart(boundary: string, end = true): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nfront\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    JPEG,
    Buffer.from(end ? `\r\n--${boundary}--\r\n` : '\r\n'),
  ]);
}
const upload = (c: Context, contentType: string, body: Buffer) => raw(c, 'POST', `/api/v1/customer/${c.token}/photos`, { 'content-type': contentType }, body);

const nul = (name: string, field: string, send: Case['send']): Case => ({ name: `NUL in ${name}`, send, status: 422, code: 'validation_failed', field });
const NUL_CASES: Case[] = [
  nul('customer.first_name', 'customer.first_name', (c) => c.t.api(c.key, 'POST', '/api/v1/checks', { customer: { email: 'a@example.com', first_name: 'Ja\u0000ne' } })),
  nul('order.name', 'order.name', (c) => c.t.api(c.key, 'POST', '/api/v1/checks', { customer: { email: 'a@example.com' }, order: { name: '#10\u000001' } })),
  nul('a property name', 'customer.x\\u0000', (c) => c.t.api(c.key, 'POST', '/api/v1/checks', { customer: { email: 'a@example.com', 'x\u0000': 1 } })),
  nul('an endpoint description (create)', 'description', (c) =>
    c.t.api(c.key, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://127.0.0.1:1/x', event_types: ['check.completed'], description: 'a\u0000' })),
  nul('an endpoint description (change)', 'description', (c) => c.t.api(c.key, 'PATCH', `/api/v1/webhooks/endpoints/${c.endpointId}`, { description: 'b\u0000' })),
  nul('an endpoint URL', 'url', (c) => c.t.api(c.key, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://127.0.0.1:1/\u0000', event_types: ['check.completed'] })),
  nul('an event type list', 'event_types.0', (c) => c.t.api(c.key, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://127.0.0.1:1/x', event_types: ['check.\u0000'] })),
  nul('a privacy request message', 'message', (c) => c.t.api(undefined, 'POST', `/api/v1/customer/${c.token}/privacy-requests`, { kind: 'data_request', message: 'hi\u0000' })),
  nul('an API key label', 'label', (c) => c.client.request('POST', '/api/v1/api-keys', { mode: 'test', label: 'ci\u0000' })),
  nul('a sign-in email', 'email', (c) => c.t.api(undefined, 'POST', '/auth/login', { email: 'owner\u0000@example.com', password: 'x' })),
  nul('a search (?q=%00)', 'querystring.q', (c) => c.t.api(c.key, 'GET', '/api/v1/checks?q=%00')),
  nul('a message filter', 'querystring.check_id', (c) => c.t.api(c.key, 'GET', '/api/v1/webhooks/messages?check_id=%00')),
  nul('GET /checks/%00', 'params.id', (c) => c.t.api(c.key, 'GET', '/api/v1/checks/%00')),
  nul('DELETE /checks/%00', 'params.id', (c) => c.t.api(c.key, 'DELETE', '/api/v1/checks/%00')),
  nul('POST /checks/%00/approve', 'params.id', (c) => c.t.api(c.key, 'POST', '/api/v1/checks/%00/approve')),
  nul('GET /webhooks/endpoints/%00', 'params.id', (c) => c.t.api(c.key, 'GET', '/api/v1/webhooks/endpoints/%00')),
  nul('GET /webhooks/messages/%00', 'params.id', (c) => c.t.api(c.key, 'GET', '/api/v1/webhooks/messages/%00')),
  nul('GET /webhooks/messages/%00/attempts', 'params.id', (c) => c.t.api(c.key, 'GET', '/api/v1/webhooks/messages/%00/attempts')),
  nul('GET /customer/%00', 'params.token', (c) => c.t.api(undefined, 'GET', '/api/v1/customer/%00')),
  nul('GET /photos/%00', 'params.id', (c) => c.t.api(undefined, 'GET', '/api/v1/photos/%00?expires=1&signature=x')),
  nul('DELETE /api-keys/%00', 'params.id', (c) => c.client.request('DELETE', '/api/v1/api-keys/%00')),
];

const DATE_CASES: Case[] = [
  { name: 'a leap second in created_after', send: (c) => c.t.api(c.key, 'GET', `/api/v1/checks?created_after=${LEAP_SECOND}`), status: 422, code: 'validation_failed', field: 'querystring.created_after' },
  { name: 'a leap second in created_before', send: (c) => c.t.api(c.key, 'GET', `/api/v1/checks?created_before=${LEAP_SECOND}`), status: 422, code: 'validation_failed', field: 'querystring.created_before' },
  { name: 'a leap second in recover’s since', send: (c) => c.t.api(c.key, 'POST', `/api/v1/webhooks/endpoints/${c.endpointId}/recover`, { since: LEAP_SECOND }), status: 422, code: 'validation_failed', field: 'since' },
];

const badCursor = (name: string, value: string): Case[] => [
  { name: `${name} (checks)`, send: (c) => c.t.api(c.key, 'GET', `/api/v1/checks?cursor=${value}`), status: 400, code: 'bad_request', field: 'cursor' },
  { name: `${name} (messages)`, send: (c) => c.t.api(c.key, 'GET', `/api/v1/webhooks/messages?cursor=${value}`), status: 400, code: 'bad_request', field: 'cursor' },
];
const CURSOR_CASES: Case[] = [
  ...badCursor('a cursor holding a fraction', cursor([1.5, 'x'])),
  ...badCursor('a cursor holding a huge number', cursor([1e300, 'x'])),
  ...badCursor('a cursor holding a number past 2^53', cursor([2 ** 64, 'x'])),
  ...badCursor('a cursor holding a negative time', cursor([-1, 'x'])),
  ...badCursor('a cursor holding a NUL id', cursor([1, 'a\u0000'])),
  ...badCursor('a cursor that is not one', 'not-a-cursor'),
];

const MULTIPART_CASES: Case[] = [
  { name: 'multipart without a boundary', send: (c) => upload(c, 'multipart/form-data', multipart('abc')), status: 400, code: 'bad_request' },
  { name: 'multipart with the wrong boundary', send: (c) => upload(c, 'multipart/form-data; boundary=xyz', multipart('abc')), status: 400, code: 'bad_request' },
  { name: 'an unterminated multipart body', send: (c) => upload(c, 'multipart/form-data; boundary=abc', multipart('abc', false)), status: 400, code: 'bad_request' },
  { name: 'a 200-character boundary', send: (c) => upload(c, `multipart/form-data; boundary=${'b'.repeat(200)}`, multipart('b'.repeat(200))), status: 400, code: 'bad_request' },
];

const PATH_CASES: Case[] = [
  { name: 'a path that is not percent-encoded UTF-8 (/checks/%FF)', send: (c) => c.t.api(c.key, 'GET', '/api/v1/checks/%FF'), status: 400, code: 'bad_request' },
  { name: 'a path parameter past the router’s length limit', send: (c) => c.t.api(c.key, 'GET', `/api/v1/checks/${'a'.repeat(150)}`), status: 400, code: 'bad_request' },
];

const nullBody = (name: string, send: Case['send']): Case => ({ name: `null as the body of ${name}`, send, status: 422, code: 'validation_failed' });
const NULL_CASES: Case[] = [
  nullBody('PATCH /webhooks/endpoints/{id}', (c) => c.t.api(c.key, 'PATCH', `/api/v1/webhooks/endpoints/${c.endpointId}`, null)),
  nullBody('POST /webhooks/endpoints', (c) => c.t.api(c.key, 'POST', '/api/v1/webhooks/endpoints', null)),
  nullBody('POST /webhooks/endpoints/{id}/test', (c) => c.t.api(c.key, 'POST', `/api/v1/webhooks/endpoints/${c.endpointId}/test`, null)),
  nullBody('POST /webhooks/endpoints/{id}/recover', (c) => c.t.api(c.key, 'POST', `/api/v1/webhooks/endpoints/${c.endpointId}/recover`, null)),
  nullBody('POST /checks', (c) => c.t.api(c.key, 'POST', '/api/v1/checks', null)),
  nullBody('POST /checks/{id}/approve', (c) => c.t.api(c.key, 'POST', `/api/v1/checks/${c.checkId}/approve`, null)),
  nullBody('POST /checks/{id}/reject', (c) => c.t.api(c.key, 'POST', `/api/v1/checks/${c.checkId}/reject`, null)),
  nullBody('POST /checks/{id}/simulate', (c) => c.t.api(c.key, 'POST', `/api/v1/checks/${c.checkId}/simulate`, null)),
  nullBody('POST /customer/{token}/privacy-requests', (c) => c.t.api(undefined, 'POST', `/api/v1/customer/${c.token}/privacy-requests`, null)),
  nullBody('POST /api-keys', (c) => c.client.request('POST', '/api/v1/api-keys', null)),
  nullBody('POST /auth/login', (c) => c.t.api(undefined, 'POST', '/auth/login', null)),
  nullBody('POST /auth/setup', (c) => c.t.api(undefined, 'POST', '/auth/setup', null)),
];

describe.each(DIALECTS)('client mistakes on %s', (dialect) => {
  const c = {} as Context;
  let before: unknown;

  /** Everything a refused request could have touched. */
  async function state() {
    const check = (await c.t.api(c.key, 'GET', `/api/v1/checks/${c.checkId}`)).body.check;
    return {
      checks: (await c.t.api(c.key, 'GET', '/api/v1/checks?limit=100')).body.checks,
      check: { step: check.step, verdict: check.verdict, timeline: check.timeline, privacy_requests: check.privacy_requests, photos: check.photos_received },
      endpoints: (await c.t.api(c.key, 'GET', '/api/v1/webhooks/endpoints')).body.endpoints,
      messages: (await c.t.api(c.key, 'GET', '/api/v1/webhooks/messages?limit=100')).body.messages,
      keys: (await c.client.request('GET', '/api/v1/api-keys')).body,
    };
  }

  beforeAll(async () => {
    c.t = await startTestService(dialect);
    const { account, client } = await signedInUser(c.t, 'owner@example.com');
    Object.assign(c, { key: account.testKey, client });
    const check = (await c.t.api(c.key, 'POST', '/api/v1/checks', { customer: { email: 'jane@example.com', first_name: 'Jane' } })).body.check;
    Object.assign(c, { checkId: check.id, token: tokenOf(check.link) });
    c.endpointId = (await c.t.api(c.key, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://127.0.0.1:1/hooks', event_types: ['check.completed'] })).body.endpoint.id;
    before = await state();
  });
  afterAll(() => c.t.close());

  it.each([...NUL_CASES, ...DATE_CASES, ...CURSOR_CASES, ...MULTIPART_CASES, ...NULL_CASES, ...PATH_CASES])('$name → $status $code', async ({ send, status, code, field }) => {
    const answer = await send(c);
    expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
    expect(typeof answer.body.error.message).toBe('string');
    if (field !== undefined) expect(answer.body.error.fields?.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('changed nothing with any of them', async () => {
    expect(await state()).toEqual(before);
  });

  it('still accepts a photo framed by the longest boundary RFC 2046 allows (70 characters)', async () => {
    const check = (await c.t.api(c.key, 'POST', '/api/v1/checks', { customer: { email: 'long@example.com' } })).body.check;
    const answer = await upload({ ...c, token: tokenOf(check.link) }, `multipart/form-data; boundary=${'-'.repeat(30)}${'b'.repeat(40)}`, multipart(`${'-'.repeat(30)}${'b'.repeat(40)}`));
    expect(answer.status).toBe(201);
    expect(answer.body.photo).toMatchObject({ kind: 'front', status: 'accepted' });
  });
});
