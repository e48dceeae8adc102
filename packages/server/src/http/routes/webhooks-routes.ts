// Settings > DevTools over the API: endpoints per event, the signing secret, the delivery log and its tools.
// Webhooks are an Enterprise feature; other plans get a 403 `plan_required` that says what to do.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { generateSecret } from '@realid/webhooks';
import { iso } from '../../core/iso-time.ts';
import type { Services } from '../../core/services.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { EventType } from '../../events/event-types.ts';
import { newId } from '../../ids.ts';
import type { AccountLogEntry, KeyMode } from '../../store/accounts-repo.ts';
import type { DeliveryStatus, MessageRow } from '../../store/deliveries-repo.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';
import { createEndpoint, updateEndpoint, type EndpointInput } from '../../webhooks/management/endpoint-service.ts';
import { hasWebhooks } from '../../webhooks/management/event-recipients.ts';
import { recoverFailed, resendMessage, sendTestEvent } from '../../webhooks/management/message-actions.ts';
import { principalOf } from '../authenticate.ts';
import { decodeCursor, page } from '../cursor.ts';
import * as schema from '../schemas/webhook-schemas.ts';


export const endpointView = (e: Endpoint) => ({
  id: e.id,
  url: e.url,
  mode: e.mode,
  event_types: e.eventTypes,
  description: e.description,
  enabled: e.enabled,
  disabled_reason: e.disabledReason,
  failing_since: iso(e.failingSince),
  created_at: iso(e.createdAt),
  updated_at: iso(e.updatedAt),
});

const messageView = (m: MessageRow) => ({
  id: m.id,
  endpoint_id: m.endpointId,
  event_id: m.eventId,
  event_type: m.eventType,
  check_id: m.checkId,
  status: m.status,
  attempts: m.attempts,
  next_attempt_at: iso(m.nextAttemptAt),
  last_status_code: m.lastStatusCode,
  last_error: m.lastError,
  payload: JSON.parse(m.payload) as unknown,
  created_at: iso(m.createdAt),
  finished_at: iso(m.finishedAt),
});

interface IdParams {
  id: string;
}

/** A notice is about one endpoint; older notices name only the endpoint, whose mode decides. */
function noticeMode(entry: AccountLogEntry, modes: Map<string, KeyMode>): KeyMode | undefined {
  const data = (entry.data ?? {}) as { mode?: KeyMode; endpoint_id?: string };
  return data.mode ?? (data.endpoint_id ? modes.get(data.endpoint_id) : undefined);
}

export function webhooksRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('preHandler', async (request) => {
      if (!hasWebhooks(principalOf(request).account)) {
        throw new AppError('plan_required', 'Webhooks are part of the Enterprise plan. Ask your realid operator to upgrade this account to use them.');
      }
    });
    const accountId = (request: FastifyRequest): string => principalOf(request).account.id;
    // A key reaches only its own mode's endpoints, messages and secret: the other mode's are as unknown as
    // another account's.
    const modeOf = (request: FastifyRequest): KeyMode => principalOf(request).mode;
    async function endpointOf(request: FastifyRequest<{ Params: IdParams }>) {
      const endpoint = await s.store.endpoints.get(accountId(request), request.params.id);
      if (!endpoint || endpoint.mode !== modeOf(request)) throw notFound('Endpoint');
      return endpoint;
    }
    async function messageOf(request: FastifyRequest<{ Params: IdParams }>) {
      const message = await s.store.deliveries.getMessage(accountId(request), request.params.id, modeOf(request));
      if (!message) throw notFound('Message');
      return message;
    }

    app.get('/webhooks/endpoints', async (request) => ({
      endpoints: (await s.store.endpoints.list(accountId(request))).filter((e) => e.mode === modeOf(request)).map(endpointView),
    }));

    app.post<{ Body: EndpointInput }>('/webhooks/endpoints', { schema: { body: schema.createEndpointBody } }, async (request, reply) => {
      const { account, mode } = principalOf(request);
      if (request.body.mode !== undefined && request.body.mode !== mode) {
        throw new AppError('validation_failed', `A ${mode} key manages ${mode} endpoints.`, [
          { field: 'mode', message: `must be ${mode} with this key, or left out` },
        ]);
      }
      return reply.status(201).send({ endpoint: endpointView(await createEndpoint(s, account.id, mode, request.body)) });
    });

    async function noticesOf(request: FastifyRequest): Promise<AccountLogEntry[]> {
      const [entries, endpoints] = await Promise.all([s.store.accounts.listLog(accountId(request), 100), s.store.endpoints.list(accountId(request))]);
      const modes = new Map(endpoints.map((e) => [e.id, e.mode]));
      return entries.filter((e) => noticeMode(e, modes) === modeOf(request));
    }

    app.get<{ Params: IdParams }>('/webhooks/endpoints/:id', { schema: { params: schema.idParams } }, async (request) => ({
      endpoint: endpointView(await endpointOf(request)),
    }));

    app.patch<{ Params: IdParams; Body: EndpointInput }>(
      '/webhooks/endpoints/:id',
      { schema: { params: schema.idParams, body: schema.updateEndpointBody } },
      async (request) => ({ endpoint: endpointView(await updateEndpoint(s, await endpointOf(request), request.body)) }),
    );

    app.delete<{ Params: IdParams }>('/webhooks/endpoints/:id', { schema: { params: schema.idParams } }, async (request) => {
      const endpoint = await endpointOf(request);
      await s.store.endpoints.delete(endpoint.accountId, endpoint.id);
      return { deleted: true, id: endpoint.id };
    });

    app.post<{ Params: IdParams; Body: { event_type: EventType } }>(
      '/webhooks/endpoints/:id/test',
      { schema: { params: schema.idParams, body: schema.testEventBody } },
      async (request, reply) => {
        const id = await sendTestEvent(s, await endpointOf(request), request.body.event_type);
        return reply.status(202).send({ message: 'Test event queued', message_id: id });
      },
    );

    app.post<{ Params: IdParams; Body: { since: string; dry_run?: boolean } }>(
      '/webhooks/endpoints/:id/recover',
      { schema: { params: schema.idParams, body: schema.recoverBody } },
      async (request, reply) => {
        const dryRun = request.body.dry_run === true;
        const count = await recoverFailed(s, accountId(request), await endpointOf(request), Date.parse(request.body.since), dryRun);
        return reply.status(dryRun ? 200 : 202).send({ count, dry_run: dryRun });
      },
    );

    app.get('/webhooks/secret', async (request) => ({
      mode: modeOf(request),
      secrets: (await s.store.accounts.activeSecrets(accountId(request), modeOf(request), s.clock.now())).map((x) => ({
        secret: x.secret,
        created_at: iso(x.createdAt),
        expires_at: iso(x.expiresAt),
      })),
      overlap_hours: s.config.webhooks.secretOverlapHours,
    }));

    app.post('/webhooks/secret/rotate', async (request) => {
      const now = s.clock.now();
      const overlapUntil = now + s.config.webhooks.secretOverlapHours * 3600_000;
      const secret = generateSecret();
      const mode = modeOf(request);
      await s.store.accounts.rotateSecret(accountId(request), mode, { id: newId('sec'), secret, createdAt: now, expiresAt: null }, now, overlapUntil);
      return { mode, secret, previous_expires_at: iso(overlapUntil) };
    });

    app.get<{ Querystring: { endpoint_id?: string; status?: DeliveryStatus; event_type?: string; check_id?: string; limit: number; cursor?: string } }>(
      '/webhooks/messages',
      { schema: { querystring: schema.listMessagesQuery } },
      async (request) => {
        const q = request.query;
        const rows = await s.store.deliveries.listMessages(accountId(request), {
          mode: modeOf(request),
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

    app.get<{ Params: IdParams }>('/webhooks/messages/:id', { schema: { params: schema.idParams } }, async (request) => ({
      message: messageView(await messageOf(request)),
    }));

    app.get<{ Params: IdParams }>('/webhooks/messages/:id/attempts', { schema: { params: schema.idParams } }, async (request) => {
      const message = await messageOf(request);
      const attempts = await s.store.deliveries.listAttempts(accountId(request), message.id);
      return {
        attempts: attempts.map((a) => ({
          id: a.id,
          attempt_no: a.attemptNo,
          started_at: iso(a.startedAt),
          latency_ms: a.latencyMs,
          status_code: a.statusCode,
          error_code: a.errorCode,
          error_message: a.errorMessage,
          response_excerpt: a.responseExcerpt,
        })),
      };
    });

    app.post<{ Params: IdParams }>('/webhooks/messages/:id/resend', { schema: { params: schema.idParams } }, async (request, reply) => {
      const id = await resendMessage(s, accountId(request), await messageOf(request));
      return reply.status(202).send({ message: 'Message queued again', message_id: id });
    });

    app.get('/webhooks/log', async (request) => ({
      entries: (await noticesOf(request)).map((e) => ({
        id: e.id,
        kind: e.kind,
        message: e.message,
        data: e.data,
        created_at: iso(e.createdAt),
      })),
    }));
  };
}
