// JSON Schemas for the webhooks API.
import { EVENT_TYPES } from '../../events/event-types.ts';

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
