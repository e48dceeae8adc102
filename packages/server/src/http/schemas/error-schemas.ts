// The one error shape every route answers (`{"error":{"code","message","fields"?}}`), and the response entries
// a route lists for the statuses it can answer with it.

export const errorSchema = {
  title: 'Error',
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'A stable code (docs/api.md "Errors"), e.g. `validation_failed`, `not_found`.' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          description: 'With `validation_failed`: which fields were refused, and why.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['field', 'message'],
            properties: { field: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const DESCRIPTIONS = {
  400: '`invalid_json` or `bad_request`',
  401: '`unauthorized`: no key or session, or one that is not valid',
  403: '`forbidden`, `plan_required`, `test_mode_only` or `csrf_failed`',
  404: '`not_found`: no such thing in the caller’s account and mode',
  409: '`invalid_transition`, `conflict` or `too_many_photos`',
  410: '`check_deleted` or `link_expired`',
  413: '`payload_too_large`',
  415: '`unsupported_media_type`',
  422: '`validation_failed`, `invalid_url`, `blocked_address` or `idempotency_key_reused`',
  429: '`rate_limited`: too many requests for this key or user in the minute; retry after `Retry-After` seconds',
} as const;

export type ErrorStatus = keyof typeof DESCRIPTIONS;

/** `{ 404: {description, …errorSchema}, … }` for a route's `response` (the description becomes the OpenAPI one). */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(statuses.map((status) => [status, { ...errorSchema, description: DESCRIPTIONS[status] }]));
}

/** What every merchant route can answer: no valid key or session, a request it refuses, or a key over its rate limit. */
export const merchantErrors = (...more: ErrorStatus[]) => errorResponses(400, 401, 429, ...more);
