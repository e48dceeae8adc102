// JSON Schemas for the checks API: validation at the edge, the answers' serialization, the OpenAPI document and
// the request and answer types (`api-types.ts`) all come from these.
import { ID_CHECK_TYPES, PHOTO_KINDS, SELFIE_LIVENESS, STEPS } from '../../checks/check-types.ts';
import { EVENT_TYPES } from '../../events/event-types.ts';
import { checkDetailSchema, checkSchema, createdCheckSchema } from './check-object-schemas.ts';

const text = (max = 200) => ({ type: 'string', maxLength: max }) as const;
const idLike = { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'integer' }] } as const;
/** Clients send empty strings for boxes left blank: they count as not given. */
const orEmpty = <const T extends object>(schema: T) => ({ anyOf: [{ type: 'string', maxLength: 0 }, schema] }) as const;

const platformIds = {
  wc_id: idLike,
  wcId: idLike,
  shopify_admin_graphql_id: text(),
  shopifyAdminGraphqlId: text(),
} as const;

/** Real ID's current spellings and the older camelCase ones; both are stored under the current names. */
export const customerSchema = {
  type: 'object',
  properties: {
    email: orEmpty({ type: 'string', format: 'email', maxLength: 254 }),
    phone: orEmpty({ type: 'string', pattern: '^\\+?[0-9 ()-]{6,20}$' }),
    first_name: text(),
    last_name: text(),
    firstName: text(),
    lastName: text(),
    ...platformIds,
  },
} as const;

export const orderSchema = {
  type: 'object',
  properties: { name: text(), ...platformIds },
} as const;

export const rulesSchema = {
  type: 'object',
  properties: {
    testing: { type: 'boolean' },
    signature_required: { type: 'boolean' },
    id_check_type: { enum: ID_CHECK_TYPES },
    include_back_of_id: { type: 'boolean' },
    selfie_liveness: { enum: SELFIE_LIVENESS },
    minimum_age: { type: 'integer', minimum: 0, maximum: 125 },
    max_retakes: { type: 'integer', minimum: 0, maximum: 10 },
    name_match: { type: 'boolean' },
  },
} as const;

/** Per-check content and rules, nested under `check` as in Real ID's answer. */
export const checkOptionsSchema = {
  type: 'object',
  properties: {
    intro_content: text(2000),
    theme: { type: 'object', properties: { primary_color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } } },
    rules: rulesSchema,
  },
} as const;

/** Fields nobody documents are dropped before the handler sees them: never stored, never echoed. */
/** `POST /checks` may carry an Idempotency-Key (checks/create-check-once.ts); documented in the OpenAPI document. */
export const createCheckHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Sending the same key and body again within 24 hours answers the first answer again instead of creating a second check.',
    },
  },
} as const;

export const createCheckBody = {
  description: 'Real ID’s body, in its current and older spellings. Fields not listed here are ignored: never stored, never echoed.',
  type: 'object',
  'x-ignore-unknown': true,
  required: ['customer'],
  properties: { customer: customerSchema, order: orderSchema, rules: rulesSchema, check: checkOptionsSchema },
} as const;

export const checkIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const listChecksQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    step: { enum: STEPS },
    verdict: { enum: ['pending', 'passed', 'failed'] },
    testing: { type: 'boolean' },
    created_after: { type: 'string', format: 'date-time' },
    created_before: { type: 'string', format: 'date-time' },
    q: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
    cursor: { type: 'string', maxLength: 200 },
  },
} as const;

export const withPhotosQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { withPhotos: { type: 'boolean', default: false } },
} as const;

export const decisionBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
} as const;

export const rejectBody = { ...decisionBody, required: ['reason'] } as const;

/** Every field is optional: a bodiless simulate passes the check. */
export const simulateBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    action: { enum: ['open', 'submit_photo', 'pass', 'fail'], default: 'pass' },
    kind: { enum: PHOTO_KINDS },
    reason: { type: 'string', maxLength: 64 },
  },
} as const;

/** `POST /checks/trigger`: the event a new test check is driven to (the reason's code is checked by the action). */
export const triggerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['event'],
  properties: {
    event: { enum: EVENT_TYPES },
    reason: { type: 'string', maxLength: 64, description: 'With `check.failed` only: a final reason code (default `document_expired`).' },
  },
} as const;

export const triggerAnswer = {
  description: 'Created and driven to the event: the test check, with the customer’s link (shown this once).',
  type: 'object',
  additionalProperties: false,
  required: ['event', 'check'],
  properties: { event: { enum: EVENT_TYPES }, check: createdCheckSchema },
} as const;

export const createCheckAnswer = {
  description: 'Created: the check, with the customer’s link (shown this once).',
  type: 'object',
  additionalProperties: false,
  required: ['message', 'check'],
  properties: { message: { const: 'Delivered ID check' }, check: createdCheckSchema },
} as const;

export const listChecksAnswer = {
  description: 'A page of checks, newest first.',
  type: 'object',
  additionalProperties: false,
  required: ['checks', 'next_cursor'],
  properties: {
    checks: { type: 'array', items: checkSchema },
    next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' },
  },
} as const;

export const checkDetailAnswer = {
  description: 'The full check.',
  type: 'object',
  additionalProperties: false,
  required: ['check'],
  properties: { check: checkDetailSchema },
} as const;

export const deleteCheckAnswer = {
  description: 'Deleted: the tombstone.',
  type: 'object',
  additionalProperties: false,
  required: ['message', 'check'],
  properties: { message: { type: 'string' }, check: { ...checkSchema, description: 'The tombstone: `deleted: true`, no personal data.' } },
} as const;
