// JSON Schemas for the public facts about this installation.

export const ipRangesAnswer = {
  description: 'The published egress ranges.',
  type: 'object',
  additionalProperties: false,
  required: ['webhooks', 'description'],
  properties: {
    webhooks: {
      type: 'object',
      additionalProperties: false,
      required: ['ranges'],
      properties: { ranges: { type: 'array', items: { type: 'string' }, description: 'Addresses or CIDR ranges deliveries come from.' } },
    },
    description: { type: 'string' },
  },
} as const;

export const eventSchemasAnswer = {
  description: 'The event payload schemas.',
  type: 'object',
  additionalProperties: false,
  required: ['schemas'],
  properties: {
    schemas: {
      type: 'object',
      description: 'The JSON Schema (draft 2020-12) of each event’s payload, by event type.',
      additionalProperties: { type: 'object', additionalProperties: true },
    },
  },
} as const;
