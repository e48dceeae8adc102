// JSON Schema (draft 2020-12) for each event's payload, kept as data: published in docs and checked in tests.
import { CHECK_EVENT_TYPES, PRIVACY_EVENT_TYPES, type EventType } from './event-types.ts';

const createdAt = { type: 'string', format: 'date-time' } as const;
const checkId = { type: 'string', minLength: 1 } as const;

function checkEventSchema(type: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://realid.dev/schemas/events/${type}.json`,
    type: 'object',
    additionalProperties: false,
    required: ['event', 'created_at', 'check'],
    properties: {
      event: { const: type },
      created_at: createdAt,
      check: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'step', 'testing'],
        properties: { id: checkId, step: { const: type.slice('check.'.length) }, testing: { type: 'boolean' } },
      },
    },
  } as const;
}

function privacyEventSchema(type: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://realid.dev/schemas/events/${type}.json`,
    type: 'object',
    additionalProperties: false,
    required: ['event', 'created_at', 'check'],
    properties: {
      event: { const: type },
      created_at: createdAt,
      check: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'testing'],
        properties: { id: checkId, testing: { type: 'boolean' } },
      },
    },
  } as const;
}

export const EVENT_SCHEMAS: Record<EventType, object> = Object.fromEntries([
  ...CHECK_EVENT_TYPES.map((t) => [t, checkEventSchema(t)]),
  ...PRIVACY_EVENT_TYPES.map((t) => [t, privacyEventSchema(t)]),
]) as Record<EventType, object>;
