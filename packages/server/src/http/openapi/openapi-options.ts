// The OpenAPI 3.1 document's frame for @fastify/swagger: what the routes' own schemas cannot say — the
// security schemes, the tags, and the webhooks realid sends rather than answers.
import type { SwaggerOptions } from '@fastify/swagger';
import { webhooksSection } from './webhooks-section.ts';

const DESCRIPTION = `Real ID–compatible ID checks and signed webhooks. Existing Real ID clients switch by changing the base URL and the key.

Every error answers \`{"error":{"code","message","fields"?}}\` with a stable code. Merchant routes see only the caller's account **and mode** (test or live): anything else answers 404.

The readable reference is served at \`/api/reference\`; the guides are docs/api.md and docs/webhooks.md.`;

export function openapiOptions(): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'realid API', version: '1', description: DESCRIPTION, license: { name: 'MIT', identifier: 'MIT' } },
      servers: [{ url: '/', description: 'This service' }],
      tags: [
        { name: 'checks', description: 'Real ID’s checks API: create, list, retrieve, delete, and the merchant’s overrides.' },
        { name: 'access log', description: 'Who read or changed each check’s personal data.' },
        { name: 'webhooks', description: 'Settings › DevTools over the API (Enterprise plan; others get `403 plan_required`).' },
        { name: 'customer', description: 'The customer’s side, reached with the link’s token alone.' },
        { name: 'account', description: 'The caller’s account.' },
        { name: 'api keys', description: 'For signed-in dashboard users only.' },
        { name: 'meta', description: 'Public facts about this installation.' },
        { name: 'webhook events', description: 'What realid POSTs to your endpoints.' },
      ],
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'sk_test_… | sk_live_…',
            description: 'An API key: `Authorization: Bearer sk_test_…` (test mode) or `sk_live_…` (live mode). The key’s mode sets the mode of everything it reads and creates.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'realid_session',
            description:
              'The dashboard’s session, after signing in. Writes also need the session’s `x-csrf-token` header; `x-realid-mode: test|live` picks the mode.',
          },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
      webhooks: webhooksSection(),
    },
    convertConstToEnum: false,
  } as SwaggerOptions;
}
