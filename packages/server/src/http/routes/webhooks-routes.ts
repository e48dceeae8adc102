// Settings > DevTools over the API: endpoints per event, the signing secret, the delivery log and its tools.
// Webhooks are an Enterprise feature; other plans get a 403 `plan_required` that says what to do.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';
import { AppError } from '../../errors/app-error.ts';
import { createEndpoint, updateEndpoint } from '../../webhooks/management/endpoint-service.ts';
import { hasWebhooks } from '../../webhooks/management/event-recipients.ts';
import { recoverFailed, resendMessage, sendTestEvent } from '../../webhooks/management/message-actions.ts';
import { activeSecrets, rotateSecret } from '../../webhooks/management/signing-secrets.ts';
import * as records from '../../webhooks/management/webhook-records.ts';
import { principalOf } from '../authenticate.ts';
import { decodeCursor, page } from '../cursor.ts';
import type * as types from '../schemas/api-types.ts';
import { errorResponses } from '../schemas/error-schemas.ts';
import * as schema from '../schemas/webhook-schemas.ts';
import { iso, isoTime } from '../../core/iso-time.ts';
import { attemptView, endpointView, messageView, noticeView } from './webhook-views.ts';

/**
 * A webhooks route's OpenAPI parts. Every one can also answer 401 (no valid key or session) and 403
 * `plan_required` (webhooks are for the Enterprise plan).
 */
function route<T extends { response: Record<string, unknown> }>(summary: string, description: string, parts: T) {
  return {
    summary,
    ...(description ? { description } : {}),
    tags: ['webhooks'],
    ...parts,
    response: { ...errorResponses(400, 401, 403, 429), ...parts.response },
  };
}

type IdParams = types.IdParams;

export function webhooksRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preHandler', async (request) => {
      if (!hasWebhooks(principalOf(request).account)) {
        throw new AppError('plan_required', 'Webhooks are part of the Enterprise plan. Ask your realid operator to upgrade this account to use them.');
      }
    });
    // A key reaches only its own mode's endpoints, messages and secret: the other mode's are as unknown as
    // another account's.
    const scopeOf = (request: FastifyRequest): records.Scope => {
      const { account, mode } = principalOf(request);
      return { accountId: account.id, mode };
    };
    const endpointOf = (request: FastifyRequest<{ Params: IdParams }>) => records.findEndpoint(s, scopeOf(request), request.params.id);
    const messageOf = (request: FastifyRequest<{ Params: IdParams }>) => records.findMessage(s, scopeOf(request), request.params.id);

    app.get<{ Reply: types.ListEndpointsAnswer }>(
      '/webhooks/endpoints',
      { schema: route('List endpoints', 'The endpoints of the caller’s mode.', { response: { 200: schema.listEndpointsAnswer } }) },
      async (request) => ({
        endpoints: (await records.listEndpoints(s, scopeOf(request))).map(endpointView),
      }),
    );

    app.post<{ Body: types.CreateEndpointBody; Reply: types.EndpointAnswer }>(
      '/webhooks/endpoints',
      {
        schema: route(
          'Create an endpoint',
          'A URL and the event types it receives ("a URL per event" is one endpoint per type). Live URLs must be https and public.',
          { body: schema.createEndpointBody, response: { 201: schema.endpointAnswer, ...errorResponses(422) } },
        ),
      },
      async (request, reply) => {
        const { account, mode } = principalOf(request);
        if (request.body.mode !== undefined && request.body.mode !== mode) {
          throw new AppError('validation_failed', `A ${mode} key manages ${mode} endpoints.`, [
            { field: 'mode', message: `must be ${mode} with this key, or left out` },
          ]);
        }
        return reply.status(201).send({ endpoint: endpointView(await createEndpoint(s, account.id, mode, request.body)) });
      },
    );

    app.get<{ Params: IdParams; Reply: types.EndpointAnswer }>(
      '/webhooks/endpoints/:id',
      { schema: route('Retrieve an endpoint', '', { params: schema.idParams, response: { 200: schema.endpointAnswer, ...errorResponses(404, 422) } }) },
      async (request) => ({ endpoint: endpointView(await endpointOf(request)) }),
    );

    app.patch<{ Params: IdParams; Body: types.UpdateEndpointBody; Reply: types.EndpointAnswer }>(
      '/webhooks/endpoints/:id',
      {
        schema: route('Change an endpoint', 'Its URL, event types, description, or whether it is enabled. Re-enabling resumes pending messages.', {
          params: schema.idParams,
          body: schema.updateEndpointBody,
          response: { 200: schema.endpointAnswer, ...errorResponses(404, 422) },
        }),
      },
      async (request) => ({ endpoint: endpointView(await updateEndpoint(s, await endpointOf(request), request.body)) }),
    );

    app.delete<{ Params: IdParams; Reply: types.DeleteEndpointAnswer }>(
      '/webhooks/endpoints/:id',
      {
        schema: route('Delete an endpoint', 'With its messages and their attempts; disable it instead to keep them.', {
          params: schema.idParams,
          response: { 200: schema.deleteEndpointAnswer, ...errorResponses(404, 422) },
        }),
      },
      async (request) => {
        const endpoint = await endpointOf(request);
        await records.deleteEndpoint(s, endpoint);
        return { deleted: true as const, id: endpoint.id };
      },
    );

    app.post<{ Params: IdParams; Body: types.TestEventBody; Reply: types.QueuedAnswer }>(
      '/webhooks/endpoints/:id/test',
      {
        schema: route('Send a test event', 'An event of any type about a made-up `TEST00-…` check.', {
          params: schema.idParams,
          body: schema.testEventBody,
          response: { 202: schema.queuedAnswer, ...errorResponses(404, 422) },
        }),
      },
      async (request, reply) => {
        const id = await sendTestEvent(s, await endpointOf(request), request.body.event_type);
        return reply.status(202).send({ message: 'Test event queued', message_id: id });
      },
    );

    app.post<{ Params: IdParams; Body: types.RecoverBody; Reply: types.RecoverAnswer }>(
      '/webhooks/endpoints/:id/recover',
      {
        schema: route('Recover failed messages', 'Sends every message that failed since `since` once more (202); `dry_run` only counts them (200).', {
          params: schema.idParams,
          body: schema.recoverBody,
          response: { 200: schema.recoverAnswer, 202: schema.recoverAnswer, ...errorResponses(404, 422) },
        }),
      },
      async (request, reply) => {
        const dryRun = request.body.dry_run === true;
        const count = await recoverFailed(s, scopeOf(request).accountId, await endpointOf(request), Date.parse(request.body.since), dryRun);
        return reply.status(dryRun ? 200 : 202).send({ count, dry_run: dryRun });
      },
    );

    app.get<{ Reply: types.SecretsAnswer }>(
      '/webhooks/secret',
      {
        schema: route('The signing secrets', 'The caller’s mode’s active secrets, oldest first; during a rotation the old ones keep signing for `overlap_hours`.', {
          response: { 200: schema.secretsAnswer },
        }),
      },
      async (request) => ({
        mode: scopeOf(request).mode,
        secrets: (await activeSecrets(s, scopeOf(request))).map((x) => ({
          secret: x.secret,
          created_at: isoTime(x.createdAt),
          expires_at: iso(x.expiresAt),
        })),
        overlap_hours: s.config.webhooks.secretOverlapHours,
      }),
    );

    app.post<{ Reply: types.RotateSecretAnswer }>(
      '/webhooks/secret/rotate',
      {
        schema: route('Rotate the signing secret', 'A new secret for the caller’s mode; the old ones keep signing until `previous_expires_at`.', {
          response: { 200: schema.rotateSecretAnswer },
        }),
      },
      async (request) => {
        const scope = scopeOf(request);
        const { secret, previousExpiresAt } = await rotateSecret(s, scope);
        return { mode: scope.mode, secret, previous_expires_at: isoTime(previousExpiresAt) };
      },
    );

    app.get<{ Querystring: types.ListMessagesQuery; Reply: types.ListMessagesAnswer }>(
      '/webhooks/messages',
      {
        schema: route('List messages', 'Messages to the caller’s mode’s endpoints, newest first.', {
          querystring: schema.listMessagesQuery,
          response: { 200: schema.listMessagesAnswer, ...errorResponses(422) },
        }),
      },
      async (request) => {
        const q = request.query;
        const rows = await records.listMessages(s, scopeOf(request), {
          ...(q.endpoint_id ? { endpointId: q.endpoint_id } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.event_type ? { eventType: q.event_type } : {}),
          ...(q.check_id ? { checkId: q.check_id } : {}),
          ...(q.cursor ? { before: decodeCursor(q.cursor)! } : {}),
          limit: q.limit + 1,
        });
        const { items, next_cursor } = page(rows, q.limit, (m) => ({ createdAt: m.createdAt, id: m.id }));
        return { messages: items.map(messageView), next_cursor };
      },
    );

    app.get<{ Params: IdParams; Reply: types.MessageAnswer }>(
      '/webhooks/messages/:id',
      { schema: route('Retrieve a message', '', { params: schema.idParams, response: { 200: schema.messageAnswer, ...errorResponses(404, 422) } }) },
      async (request) => ({ message: messageView(await messageOf(request)) }),
    );

    app.get<{ Params: IdParams; Reply: types.AttemptsAnswer }>(
      '/webhooks/messages/:id/attempts',
      {
        schema: route('A message’s attempts', 'Every attempt: status, latency, error code and the start of the answer.', {
          params: schema.idParams,
          response: { 200: schema.attemptsAnswer, ...errorResponses(404, 422) },
        }),
      },
      async (request) => {
        const message = await messageOf(request);
        const attempts = await records.listAttempts(s, scopeOf(request), message);
        return { attempts: attempts.map(attemptView) };
      },
    );

    app.post<{ Params: IdParams; Reply: types.QueuedAnswer }>(
      '/webhooks/messages/:id/resend',
      {
        schema: route('Resend a message', 'The same event, same body and `webhook-id`, sent again.', {
          params: schema.idParams,
          response: { 202: schema.queuedAnswer, ...errorResponses(404, 422) },
        }),
      },
      async (request, reply) => {
        const id = await resendMessage(s, scopeOf(request).accountId, await messageOf(request));
        return reply.status(202).send({ message: 'Message queued again', message_id: id });
      },
    );

    app.get<{ Reply: types.NoticesAnswer }>(
      '/webhooks/log',
      {
        schema: route('Notices', 'About the caller’s mode’s endpoints: `endpoint_failing`, `message_exhausted`, `endpoint_disabled`.', {
          response: { 200: schema.noticesAnswer },
        }),
      },
      async (request) => ({ entries: (await records.listNotices(s, scopeOf(request))).map(noticeView) }),
    );
  };
}
