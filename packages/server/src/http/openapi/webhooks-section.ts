// The OpenAPI `webhooks` section: the eight events realid POSTs to a merchant's endpoints, each with its payload
// schema (the same one `GET /meta/event-schemas` publishes) and the headers that sign it.
import { EVENT_SCHEMAS } from '../../events/event-schemas.ts';
import { CHECK_EVENT_TYPES, EVENT_TYPES, type EventType } from '../../events/event-types.ts';

const WHEN: Record<EventType, string> = {
  'check.delivered': 'A check is created and its link sent to the customer.',
  'check.opened': 'The customer first opens the link.',
  'check.submitted-photo': 'A photo from the customer is accepted (one event per photo).',
  'check.completed': 'The check passed (again, if the merchant approves it after a failure).',
  'check.failed': 'The check failed (again, if the merchant rejects it).',
  'customer.data_request': 'The customer asked for a copy of their data.',
  'customer.manual_review_requested': 'The customer asked for a manual review of their check.',
  'customer.data_deletion_request': 'The customer asked for their data to be deleted.',
};

const header = (name: string, description: string, example: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
  example,
});

const HEADERS = [
  header('webhook-id', 'The event id, the same on every retry: deduplicate on it.', 'evt_01HF3K8Z5Q2W7X9Y4N6M1P0R3T'),
  header('webhook-timestamp', 'This attempt’s time, integer unix seconds.', '1670599235'),
  header(
    'webhook-signature',
    'Standard Webhooks: space-separated `v1,<base64>` entries, HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`, one per active secret.',
    'v1,WareisuVXw9B8QTLJN4WZNNth1AXVnD/ppWaW3e8hDU=',
  ),
  header(
    'x-real-id-signature',
    'Real ID’s body-only signature: lowercase hex HMAC-SHA256 of the body, keyed with the whole `whsec_…` secret. Cannot detect replays.',
    '0997981d98fe5cfeda23e83a8da943099f973be4227c983552d6f01eb7c786d7',
  ),
];

/** The schema without the `$schema`/`$id` it carries when published on its own. */
function payloadSchema(type: EventType): object {
  return Object.fromEntries(Object.entries(EVENT_SCHEMAS[type]).filter(([key]) => key !== '$schema' && key !== '$id'));
}

function example(type: EventType) {
  const step = (CHECK_EVENT_TYPES as readonly string[]).includes(type) ? { step: type.slice('check.'.length) } : {};
  return { event: type, created_at: '2022-12-09T15:20:35.136Z', check: { id: '7TWFOC-auPI', ...step, testing: true } };
}

export function webhooksSection() {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: type,
          description: `${WHEN[type]} Webhooks carry no personal data: fetch the check with \`GET /checks/{id}\`. See docs/webhooks.md for verifying the signatures.`,
          operationId: `webhook_${type.replace(/[^a-z]/g, '_')}`,
          tags: ['webhook events'],
          parameters: HEADERS,
          requestBody: { required: true, content: { 'application/json': { schema: payloadSchema(type), example: example(type) } } },
          responses: {
            '2XX': { description: 'Received. Anything else (a redirect included) is retried on the schedule; `410 Gone` disables the endpoint.' },
          },
        },
      },
    ]),
  );
}
