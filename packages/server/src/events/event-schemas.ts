// JSON Schema (draft 2020-12) for each event's payload, kept as data: published in docs and checked in tests.
import { CHECK_EVENT_TYPES, PRIVACY_EVENT_TYPES, type EventType } from './event-types.ts';

const createdAt = { type: 'string', format: 'date-time' } as const;
const checkId = { type: 'string', minLength: 1 } as const;

/** Check events carry `step` (the event's suffix); privacy events do not. */
function eventSchema(type: string, withStep: boolean) {
  const step = withStep ? { step: { const: type.slice('check.'.length) } } : {};
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
        required: withStep ? ['id', 'step', 'testing'] : ['id', 'testing'],
        properties: { id: checkId, ...step, testing: { type: 'boolean' } },
      },
    },
  } as const;
}

export const EVENT_SCHEMAS: Record<EventType, object> = Object.fromEntries([
  ...CHECK_EVENT_TYPES.map((t) => [t, eventSchema(t, true)]),
  ...PRIVACY_EVENT_TYPES.map((t) => [t, eventSchema(t, false)]),
]) as Record<EventType, object>;
