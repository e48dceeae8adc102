// The merchant's checks API, Real ID's public paths under /api/v1.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';
import type { CheckRecord } from '../../checks/check-types.ts';
import type { AccessAction } from '../../store/access-log-repo.ts';
import { checkDetail, checkSummary } from '../../checks/check-view.ts';
import { checkInput } from '../../checks/check-input.ts';
import { createCheck } from '../../checks/create-check.ts';
import { createCheckOnce, validIdempotencyKey } from '../../checks/create-check-once.ts';
import { decide, deleteCheckData, listChecks, loadCheck, recordAccess } from '../../checks/merchant-actions.ts';
import { simulate, type SimulateAction } from '../../checks/simulate-check.ts';
import { triggerEvent } from '../../checks/trigger-event.ts';
import { principalOf } from '../authenticate.ts';
import { decodeCursor, page } from '../cursor.ts';
import type * as types from '../schemas/api-types.ts';
import * as schema from '../schemas/check-schemas.ts';
import { merchantErrors } from '../schemas/error-schemas.ts';

type IdParams = types.CheckIdParams;

export function checksRoutes(s: Services) {
  /** Every read of a check's personal data, in the access log, by the key or user that made it (changes are logged in their own commit). */
  async function noteAccess(request: FastifyRequest, checks: readonly CheckRecord[], action: AccessAction): Promise<void> {
    const { account, actor } = principalOf(request);
    await recordAccess(s, account.id, actor, checks, action);
  }

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: types.CreateCheckBody; Reply: types.CreateCheckAnswer }>(
      '/checks',
      {
        schema: {
          summary: 'Create a check',
          description:
            'Real ID’s body: the customer (an email or a phone is required), the order, rules and content. The customer’s link is in the answer, this once. With an `Idempotency-Key`, the same key and body within 24 hours give the first answer again (`Idempotent-Replayed: true`), with no second check.',
          tags: ['checks'],
          body: schema.createCheckBody,
          headers: schema.createCheckHeaders,
          response: { 201: schema.createCheckAnswer, ...merchantErrors(403, 409, 410, 413, 422) },
        },
      },
      async (request, reply) => {
        const key = validIdempotencyKey(request.headers['idempotency-key']);
        if (key !== undefined) {
          const { answer, replayed } = await createCheckOnce(s, principalOf(request), key, request.body);
          if (replayed) reply.header('idempotent-replayed', 'true');
          return reply.status(201).send(answer);
        }
        const { account, mode, actor } = principalOf(request);
        const { check, link } = await createCheck(s, account, mode === 'test', checkInput(request.body), actor);
        return reply.status(201).send({ message: 'Delivered ID check', check: { ...checkSummary(check, account), link } });
      },
    );

    app.post<{ Body: types.TriggerBody; Reply: types.TriggerAnswer }>(
      '/checks/trigger',
      {
        schema: {
          summary: 'Create a test check driven to an event',
          description:
            'For watching an integration react (`realid trigger`): creates a test check and drives it to `event` as the simulator and the customer’s page would, emitting its earlier events on the way. `check.failed` takes a final `reason` (default `document_expired`). The whole request is checked first: a refused one creates nothing. Live keys answer `403 test_mode_only`.',
          tags: ['checks'],
          body: schema.triggerBody,
          response: { 201: schema.triggerAnswer, ...merchantErrors(403, 422) },
        },
      },
      async (request, reply) => {
        const { account, mode, actor } = principalOf(request);
        const { check, link } = await triggerEvent(s, account, mode === 'test', actor, request.body);
        return reply.status(201).send({ event: request.body.event, check: { ...checkSummary(check, account), link } });
      },
    );

    app.get<{ Querystring: types.ListChecksQuery; Reply: types.ListChecksAnswer }>(
      '/checks',
      {
        schema: {
          summary: 'List checks',
          description: 'Newest first, in the caller’s mode. `q` matches whole words of the customer’s email, phone, names or order name.',
          tags: ['checks'],
          querystring: schema.listChecksQuery,
          response: { 200: schema.listChecksAnswer, ...merchantErrors(422) },
        },
      },
      async (request) => {
        const q = request.query;
        const { account, mode } = principalOf(request);
        // A key lists its own mode's checks; asking for the other mode's finds none, as for another account's.
        if (q.testing !== undefined && q.testing !== (mode === 'test')) return { checks: [], next_cursor: null };
        const rows = await listChecks(s, account.id, mode === 'test', {
          ...(q.step ? { step: q.step } : {}),
          ...(q.verdict ? { verdict: q.verdict } : {}),
          ...(q.created_after ? { createdAfter: Date.parse(q.created_after) } : {}),
          ...(q.created_before ? { createdBefore: Date.parse(q.created_before) } : {}),
          ...(q.q ? { search: q.q } : {}),
          ...(q.cursor ? { cursor: decodeCursor(q.cursor)! } : {}),
          limit: q.limit + 1,
        });
        const { items, next_cursor } = page(rows, q.limit, (c) => ({ createdAt: c.createdAt, id: c.id }));
        await noteAccess(request, items, 'listed');
        return { checks: items.map((c) => checkSummary(c, account)), next_cursor };
      },
    );

    app.get<{ Params: IdParams; Querystring: types.WithPhotosQuery; Reply: types.CheckDetailAnswer }>(
      '/checks/:id',
      {
        schema: {
          summary: 'Retrieve a check',
          description: 'The full check: customer, order, rules, step, verdict, sub-checks with reason codes, what was read, the timeline. `?withPhotos=true` adds `photos` as URLs valid for five minutes.',
          tags: ['checks'],
          params: schema.checkIdParams,
          querystring: schema.withPhotosQuery,
          response: { 200: schema.checkDetailAnswer, ...merchantErrors(404, 422) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const check = await loadCheck(s, principal, request.params.id);
        const withPhotos = request.query.withPhotos && check.deletedAt === null;
        await noteAccess(request, [check], withPhotos ? 'viewed_photos' : 'viewed');
        return { check: await checkDetail(s, check, principal.account, withPhotos) };
      },
    );

    app.delete<{ Params: IdParams; Reply: types.DeleteCheckAnswer }>(
      '/checks/:id',
      {
        schema: {
          summary: 'Delete a check’s personal data',
          description: 'Permanently deletes the personal data, photos and signature, and invalidates the link. Answers the tombstone; deleting again answers 200.',
          tags: ['checks'],
          params: schema.checkIdParams,
          response: { 200: schema.deleteCheckAnswer, ...merchantErrors(404, 422) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const check = await loadCheck(s, principal, request.params.id);
        const deleted = await deleteCheckData(s, check, principal.actor);
        const { account } = principal;
        return { message: 'Deleted the check’s personal data and photos', check: checkSummary(deleted, account) };
      },
    );

    for (const [path, verdict] of [['approve', 'passed'], ['reject', 'failed']] as const) {
      app.post<{ Params: IdParams; Body: types.DecisionBody | undefined; Reply: types.CheckDetailAnswer }>(
        `/checks/:id/${path}`,
        {
          schema: {
            summary: verdict === 'passed' ? 'Approve a check' : 'Reject a check',
            description:
              verdict === 'passed'
                ? 'The merchant’s override: settles the sub-checks and emits `check.completed`. From any step but `completed`.'
                : 'The merchant’s override: settles the sub-checks and emits `check.failed`. From any step but `failed`; `reason` is required.',
            tags: ['checks'],
            params: schema.checkIdParams,
            body: verdict === 'failed' ? schema.rejectBody : schema.decisionBody,
            response: { 200: schema.checkDetailAnswer, ...merchantErrors(404, 409, 410, 422) },
          },
        },
        async (request) => {
          const principal = principalOf(request);
          const check = await loadCheck(s, principal, request.params.id);
          const { account } = principal;
          const decided = await decide(s, check, verdict, { actor: principal.actor }, request.body?.reason);
          return { check: await checkDetail(s, decided, account, false) };
        },
      );
    }

    app.post<{ Params: IdParams; Body: SimulateAction | undefined; Reply: types.CheckDetailAnswer }>(
      '/checks/:id/simulate',
      {
        schema: {
          summary: 'Simulate the customer (test checks)',
          description: 'Walks a test check forward: `open`, `submit_photo` (a sample image through the analyzer), `pass` (the default) or `fail` with a final reason code. Live checks answer `403 test_mode_only`.',
          tags: ['checks'],
          params: schema.checkIdParams,
          body: schema.simulateBody,
          response: { 200: schema.checkDetailAnswer, ...merchantErrors(403, 404, 409, 410, 422) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const check = await loadCheck(s, principal, request.params.id);
        const { account } = principal;
        return { check: await checkDetail(s, await simulate(s, check, request.body ?? { action: 'pass' }), account, false) };
      },
    );
  };
}
