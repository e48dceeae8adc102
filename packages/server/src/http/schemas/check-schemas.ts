// JSON Schemas for the checks API: validation at the edge and the OpenAPI document come from these.
import { STEPS } from '../../checks/check-types.ts';

const text = (max = 200) => ({ type: 'string', maxLength: max }) as const;
const idLike = { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'integer' }] } as const;

export const customerSchema = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    phone: { type: 'string', pattern: '^\\+?[0-9 ()-]{6,20}$' },
    first_name: text(),
    last_name: text(),
    wc_id: idLike,
    shopify_admin_graphql_id: text(),
  },
} as const;

export const orderSchema = {
  type: 'object',
  properties: { name: text(), wc_id: idLike, shopify_admin_graphql_id: text() },
} as const;

export const rulesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minimum_age: { type: 'integer', minimum: 0, maximum: 125 },
    id_type: { enum: ['id', 'id_and_selfie'] },
    back_required: { type: 'boolean' },
    max_retakes: { type: 'integer', minimum: 0, maximum: 10 },
  },
} as const;

export const createCheckBody = {
  type: 'object',
  required: ['customer'],
  properties: { customer: customerSchema, order: orderSchema, rules: rulesSchema },
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
    kind: { enum: ['front', 'back', 'selfie'] },
    reason: { type: 'string', maxLength: 64 },
  },
} as const;
