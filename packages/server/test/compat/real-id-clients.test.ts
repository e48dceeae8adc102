// Wire compatibility with Real ID's real clients: the documented requests and the request shapes of known
// public clients, replayed over HTTP exactly as they send them, with every field each client reads back
// checked for presence and type. The shapes are recorded here as data (facts about the wire), not code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { PNG, tokenOf, uploadPhoto } from '../support/images.ts';
import { startTestService, type TestService } from '../support/test-service.ts';

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'null' | 'string|number|null';

/** The fields of a check that Real ID documents ("Checks" page: the create answer) and clients read. */
const DOCUMENTED_CHECK_FIELDS: Record<string, JsonType> = {
  id: 'string',
  step: 'string',
  shop_name: 'string',
  created_at: 'string',
  order: 'object',
  'order.id': 'string|number|null',
  'order.name': 'string',
  customer: 'object',
  'customer.id': 'string|number|null',
  'customer.first_name': 'string',
  'customer.last_name': 'string',
  'customer.phone': 'string',
  'customer.email': 'string',
  rules: 'object',
  'rules.testing': 'boolean',
  'rules.signature_required': 'boolean',
  'rules.id_check_type': 'string',
  'rules.include_back_of_id': 'boolean',
  'rules.selfie_liveness': 'string',
  result: 'object',
  'result.scores': 'object',
  'result.document': 'object',
};

/** Pipedream's Real ID actions: every request carries these two headers (components/real_id/real_id.app.mjs). */
const pipedreamHeaders = (key: string) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });

/** The create body Pipedream's "Create ID Check" builds from its props (its ids are string props). */
const pipedreamCreateBody = {
  customer: { first_name: 'John', last_name: 'Smith', email: 'john@example.com', phone: '+1224225555', wc_id: '1234', shopify_admin_graphql_id: 'gid://shopify/Customer/1234' },
  order: { wc_id: '5678', shopify_admin_graphql_id: 'gid://shopify/Order/1234', name: '#1234' },
};

/** The create examples on Real ID's "Checks" page: Shopify, WooCommerce, and the older camelCase names. */
const DOCUMENTED_CREATE_BODIES = {
  shopify: {
    customer: { first_name: 'John', last_name: 'Smith', email: 'john@example.com', phone: '+1224225555', shopify_admin_graphql_id: 'gid://shopify/Customer/1234' },
    order: { shopify_admin_graphql_id: 'gid://shopify/Order/1234', name: '#1234' },
  },
  woocommerce: {
    customer: { first_name: 'John', last_name: 'Smith', email: 'john@example.com', phone: '+1224225555', wc_id: 1234 },
    order: { wc_id: 5678 },
  },
  olderCamelCase: {
    customer: { firstName: 'John', lastName: 'Smith', email: 'john@example.com', phone: '+1224225555', shopify_admin_graphql_id: 'gid://shopify/Customer/1234' },
    order: { shopify_admin_graphql_id: 'gid://shopify/Order/1234', name: '#1234' },
  },
} as const;

function typeOf(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value;
}

function read(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), object);
}

/** Every documented field is present and has the documented type. */
function expectDocumentedShape(check: unknown): void {
  for (const [path, type] of Object.entries(DOCUMENTED_CHECK_FIELDS)) {
    const value = read(check, path);
    expect(value, `check.${path} is missing`).not.toBeUndefined();
    expect(type.split('|'), `check.${path} is a ${typeOf(value)}`).toContain(typeOf(value));
  }
}

describe.each(DIALECTS)('Real ID clients on %s', (dialect) => {
  let t: TestService;
  let key: string;

  beforeAll(async () => {
    t = await startTestService(dialect);
    ({ testKey: key } = await t.newAccount('enterprise', 'real-id-dev.myshopify.com'));
  });
  afterAll(() => t.close());

  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: pipedreamHeaders(key),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it.each(Object.entries(DOCUMENTED_CREATE_BODIES))('answers the documented %s create with the documented check', async (_, body) => {
    const res = await send('POST', '/checks', body);
    expect(res.status).toBe(201);
    expect(res.body.message).toBe('Delivered ID check');
    expectDocumentedShape(res.body.check);
    expect(res.body.check).toMatchObject({
      step: 'delivered',
      shop_name: 'real-id-dev.myshopify.com',
      customer: { first_name: 'John', last_name: 'Smith', email: 'john@example.com', phone: '+1224225555' },
      rules: { testing: true, signature_required: false, id_check_type: 'idv', include_back_of_id: false, selfie_liveness: 'straight' },
      result: { scores: {}, document: {} },
    });
    expect(res.body.check.customer.id).toBe('shopify_admin_graphql_id' in body.customer ? body.customer.shopify_admin_graphql_id : 1234);
    expect(res.body.check.customer).not.toHaveProperty('firstName');
  });

  it('serves Pipedream’s create, get and delete actions as they send them', async () => {
    const created = await send('POST', '/checks', pipedreamCreateBody);
    expect(created.status).toBe(201);
    expectDocumentedShape(created.body.check);
    expect(created.body.check.order).toEqual({ id: 'gid://shopify/Order/1234', name: '#1234' });
    const id: string = created.body.check.id;

    // "Get ID Check" sends `withPhotos` only when the prop is set; both spellings must work.
    for (const query of ['', '?withPhotos=true', '?withPhotos=false']) {
      const got = await send('GET', `/checks/${id}${query}`);
      expect(got.status, query).toBe(200);
      expectDocumentedShape(got.body.check);
      expect(Array.isArray(got.body.check.photos), query).toBe(query === '?withPhotos=true');
    }

    // "Delete ID Check" sends no body with its JSON content type, then reads `response.check.id`.
    const deleted = await send('DELETE', `/checks/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.check.id).toBe(id);
    const after = await send('GET', `/checks/${id}`);
    expect(after.body.check).toMatchObject({ deleted: true, customer: { email: '', first_name: '', phone: '', id: null }, order: { name: '', id: null } });
  });

  it('ignores fields nobody documents: never stored, never echoed', async () => {
    const res = await send('POST', '/checks', {
      customer: { email: 'extra@example.com', foo: 'bar', first_name: 'Ann' },
      order: { name: '#7', secret_note: 'x' },
      unknown_top: { a: 1 },
      check: { intro_content: 'Hello from the shop', nonsense: true, rules: { include_back_of_id: true, bogus: 1 } },
    });
    expect(res.status).toBe(201);
    const detail = (await send('GET', `/checks/${res.body.check.id}`)).body.check;
    const text = JSON.stringify(detail);
    for (const unknown of ['foo', 'secret_note', 'unknown_top', 'nonsense', 'bogus']) expect(text).not.toContain(unknown);
    expect(detail.rules.include_back_of_id).toBe(true);
    expect(detail.content).toEqual({ intro_content: 'Hello from the shop' });
  });

  it('shows what was read from a verified ID under result.document, as merchants’ code reads it', async () => {
    const created = await send('POST', '/checks', { customer: { email: 'verified@example.com', first_name: 'Jane', last_name: 'Doe' } });
    const token = tokenOf(created.body.check.link);
    for (const kind of ['front', 'selfie']) expect((await uploadPhoto(t.url, token, kind, PNG)).status).toBe(201);
    const check = (await send('GET', `/checks/${created.body.check.id}`)).body.check;
    expect(check.step).toBe('completed');
    expectDocumentedShape(check);
    expect(check.result.document.birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(check.result.document.expiration_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(check.result.document).toMatchObject({ first_name: 'Jane', last_name: 'Doe' });
    expect(check.result.scores.face_match).toBeGreaterThan(0.5);
    expect(check).not.toHaveProperty('document');
    expect(check).not.toHaveProperty('testing');
  });

  it('lists checks in the same shape', async () => {
    const list = await send('GET', '/checks?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.checks.length).toBeGreaterThan(0);
    for (const check of list.body.checks) expectDocumentedShape(check);
  });
});
