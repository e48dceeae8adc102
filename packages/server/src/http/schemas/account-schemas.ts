// JSON Schemas for the caller's account, its API keys and its access log: requests and answers.
import { dateTime, nullableDateTime } from './check-object-schemas.ts';

const mode = { enum: ['test', 'live'] } as const;

export const accountAnswer = {
  description: 'The account, and the mode of the caller.',
  type: 'object',
  additionalProperties: false,
  required: ['account', 'mode'],
  properties: {
    account: {
      title: 'Account',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'plan', 'minimum_age', 'retention_days', 'name_match', 'created_at'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        plan: { enum: ['free', 'pro', 'enterprise'] },
        minimum_age: { type: 'integer' },
        retention_days: { type: 'integer', description: 'Days after a check finishes before its personal data is deleted.' },
        name_match: { type: 'boolean', description: 'Whether new checks compare the name on the ID with the customer’s.' },
        created_at: dateTime,
      },
    },
    mode: { ...mode, description: 'The mode of the key (or of the dashboard’s switch) that asked.' },
  },
} as const;

export const patchAccountBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { retention_days: { type: 'integer', minimum: 1, maximum: 3650 }, name_match: { type: 'boolean' } },
} as const;

export const createKeyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'label'],
  properties: { mode, label: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const keyIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const apiKeySchema = {
  title: 'ApiKey',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'mode', 'prefix', 'label', 'created_at', 'revoked_at'],
  properties: {
    id: { type: 'string' },
    mode,
    prefix: { type: 'string', description: 'The start of the key, to recognise it; the key itself is shown only once.' },
    label: { type: ['string', 'null'], description: 'null for keys made by `realid accounts create`.' },
    created_at: dateTime,
    revoked_at: nullableDateTime,
  },
} as const;

export const listKeysAnswer = {
  description: 'The account’s API keys, revoked ones included.',
  type: 'object',
  additionalProperties: false,
  required: ['api_keys'],
  properties: { api_keys: { type: 'array', items: apiKeySchema } },
} as const;

export const createdKeyAnswer = {
  description: 'Created: the key, shown this once.',
  type: 'object',
  additionalProperties: false,
  required: ['api_key', 'key'],
  properties: { api_key: apiKeySchema, key: { type: 'string', description: '`sk_test_…` or `sk_live_…`: shown this once.' } },
} as const;

export const revokedKeyAnswer = {
  description: 'Revoked.',
  type: 'object',
  additionalProperties: false,
  properties: { api_key: apiKeySchema },
} as const;

export const accessLogQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: { type: 'string', format: 'date-time' },
    until: { type: 'string', format: 'date-time' },
    format: { enum: ['json', 'csv'], default: 'json' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    cursor: { type: 'string', maxLength: 200 },
  },
} as const;

const accessEntrySchema = {
  title: 'AccessEntry',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'check_id', 'actor', 'action', 'created_at'],
  properties: {
    id: { type: 'string' },
    check_id: { type: 'string' },
    actor: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'id'],
      properties: { type: { enum: ['api_key', 'user', 'service'] }, id: { type: 'string' } },
    },
    action: { enum: ['created', 'listed', 'viewed', 'viewed_photos', 'approved', 'rejected', 'deleted', 'retention_deleted'] },
    created_at: dateTime,
  },
} as const;

export const checkAccessLogAnswer = {
  description: 'The check’s access log, oldest first.',
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: { entries: { type: 'array', items: accessEntrySchema } },
} as const;

export const accessLogAnswer = {
  description: 'A page of the access log, oldest first.',
  type: 'object',
  additionalProperties: false,
  required: ['entries', 'next_cursor'],
  properties: { entries: { type: 'array', items: accessEntrySchema }, next_cursor: { type: ['string', 'null'] } },
} as const;

/** For the OpenAPI document: the same 200 as JSON, or as CSV with `format=csv`. */
export const accessLogAnswerOrCsv = {
  description: accessLogAnswer.description,
  content: {
    'application/json': { schema: accessLogAnswer },
    'text/csv': { schema: { type: 'string', description: '`time,check_id,actor_type,actor_id,action`, one line per entry.' } },
  },
} as const;
