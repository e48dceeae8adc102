// JSON Schemas for the webhooks API: requests and answers (validation, serialization, OpenAPI, types).
import { EVENT_TYPES } from '../../events/event-types.ts';
import { dateTime, nullableDateTime } from './check-object-schemas.ts';

const eventTypes = { type: 'array', minItems: 1, maxItems: EVENT_TYPES.length, items: { enum: EVENT_TYPES } } as const;
const url = { type: 'string', minLength: 1, maxLength: 2048 } as const;

export const createEndpointBody = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'event_types'],
  properties: {
    url,
    event_types: eventTypes,
    mode: { enum: ['test', 'live'] },
    description: { type: 'string', maxLength: 500 },
    enabled: { type: 'boolean' },
  },
} as const;

export const updateEndpointBody = {
  type: 'object',
  additionalProperties: false,
  properties: { url, event_types: eventTypes, description: { type: 'string', maxLength: 500 }, enabled: { type: 'boolean' } },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const testEventBody = {
  type: 'object',
  additionalProperties: false,
  required: ['event_type'],
  properties: { event_type: { enum: EVENT_TYPES } },
} as const;

export const recoverBody = {
  type: 'object',
  additionalProperties: false,
  required: ['since'],
  properties: { since: { type: 'string', format: 'date-time' }, dry_run: { type: 'boolean' } },
} as const;

export const listMessagesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    endpoint_id: { type: 'string', maxLength: 64 },
    status: { enum: ['pending', 'delivered', 'failed'] },
    event_type: { enum: EVENT_TYPES },
    check_id: { type: 'string', maxLength: 64 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
    cursor: { type: 'string', maxLength: 200 },
  },
} as const;

// The answers.

export const endpointSchema = {
  title: 'Endpoint',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'url', 'mode', 'event_types', 'description', 'enabled', 'disabled_reason', 'failing_since', 'created_at', 'updated_at'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    mode: { enum: ['test', 'live'], description: 'Test endpoints receive test checks’ events, live endpoints live ones.' },
    event_types: { type: 'array', items: { enum: EVENT_TYPES } },
    description: { type: 'string' },
    enabled: { type: 'boolean' },
    disabled_reason: { type: ['string', 'null'] },
    failing_since: nullableDateTime,
    created_at: dateTime,
    updated_at: dateTime,
  },
} as const;

export const endpointAnswer = {
  description: 'The endpoint.',
  type: 'object',
  additionalProperties: false,
  required: ['endpoint'],
  properties: { endpoint: endpointSchema },
} as const;

export const listEndpointsAnswer = {
  description: 'The caller’s mode’s endpoints.',
  type: 'object',
  additionalProperties: false,
  required: ['endpoints'],
  properties: { endpoints: { type: 'array', items: endpointSchema } },
} as const;

export const deleteEndpointAnswer = {
  description: 'Deleted.',
  type: 'object',
  additionalProperties: false,
  required: ['deleted', 'id'],
  properties: { deleted: { const: true }, id: { type: 'string' } },
} as const;

export const queuedAnswer = {
  description: 'Queued for delivery.',
  type: 'object',
  additionalProperties: false,
  required: ['message', 'message_id'],
  properties: { message: { type: 'string' }, message_id: { type: 'string' } },
} as const;

export const recoverAnswer = {
  description: 'How many messages were sent again (202), or would be (200, `dry_run`).',
  type: 'object',
  additionalProperties: false,
  required: ['count', 'dry_run'],
  properties: { count: { type: 'integer', description: 'How many failed messages were (or, dry, would be) sent again.' }, dry_run: { type: 'boolean' } },
} as const;

export const secretsAnswer = {
  description: 'The active signing secrets.',
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'secrets', 'overlap_hours'],
  properties: {
    mode: { enum: ['test', 'live'] },
    secrets: {
      type: 'array',
      description: 'The active signing secrets, oldest first.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['secret', 'created_at', 'expires_at'],
        properties: { secret: { type: 'string', description: '`whsec_` and the base64 of 32 bytes.' }, created_at: dateTime, expires_at: nullableDateTime },
      },
    },
    overlap_hours: { type: 'integer' },
  },
} as const;

export const rotateSecretAnswer = {
  description: 'The new secret.',
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'secret', 'previous_expires_at'],
  properties: { mode: { enum: ['test', 'live'] }, secret: { type: 'string' }, previous_expires_at: dateTime },
} as const;

export const messageSchema = {
  title: 'Message',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'endpoint_id',
    'event_id',
    'event_type',
    'check_id',
    'status',
    'attempts',
    'next_attempt_at',
    'last_status_code',
    'last_error',
    'payload',
    'created_at',
    'finished_at',
  ],
  properties: {
    id: { type: 'string' },
    endpoint_id: { type: 'string' },
    event_id: { type: 'string', description: 'The delivery’s `webhook-id`.' },
    event_type: { enum: EVENT_TYPES },
    check_id: { type: 'string' },
    status: { enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: 'integer' },
    next_attempt_at: nullableDateTime,
    last_status_code: { type: ['integer', 'null'] },
    last_error: { type: ['string', 'null'] },
    payload: { type: 'object', additionalProperties: true, description: 'The event’s payload, as delivered (see `webhooks`).' },
    created_at: dateTime,
    finished_at: nullableDateTime,
  },
} as const;

export const messageAnswer = {
  description: 'The message.',
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: { message: messageSchema },
} as const;

export const listMessagesAnswer = {
  description: 'A page of messages, newest first.',
  type: 'object',
  additionalProperties: false,
  required: ['messages', 'next_cursor'],
  properties: { messages: { type: 'array', items: messageSchema }, next_cursor: { type: ['string', 'null'] } },
} as const;

export const attemptsAnswer = {
  description: 'The message’s attempts, in order.',
  type: 'object',
  additionalProperties: false,
  required: ['attempts'],
  properties: {
    attempts: {
      type: 'array',
      items: {
        title: 'Attempt',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'attempt_no', 'started_at', 'latency_ms', 'status_code', 'error_code', 'error_message', 'response_excerpt'],
        properties: {
          id: { type: 'string' },
          attempt_no: { type: 'integer' },
          started_at: dateTime,
          latency_ms: { type: 'integer' },
          status_code: { type: ['integer', 'null'] },
          error_code: { type: ['string', 'null'], description: '`timeout`, `connection_refused`, `dns`, `tls`, `blocked_address`, `http_status`, …' },
          error_message: { type: ['string', 'null'] },
          response_excerpt: { type: ['string', 'null'], description: 'The first 16 KiB of the answer, as UTF-8 text.' },
        },
      },
    },
  },
} as const;

export const noticesAnswer = {
  description: 'The notices, newest first.',
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: {
    entries: {
      type: 'array',
      items: {
        title: 'Notice',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'message', 'created_at'],
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', description: '`endpoint_failing`, `message_exhausted` or `endpoint_disabled`.' },
          message: { type: 'string' },
          data: { description: 'What the notice is about (the endpoint, the message), as ids.' },
          created_at: dateTime,
        },
      },
    },
  },
} as const;
