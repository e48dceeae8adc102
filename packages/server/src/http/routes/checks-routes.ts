// The merchant's checks API, Real ID's public paths under /api/v1.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';
import type { CheckRecord, Step, Verdict } from '../../checks/check-types.ts';
import type { AccessAction } from '../../store/access-log-repo.ts';
import { checkDetail, checkSummary } from '../../checks/check-view.ts';
import { checkInput, type CreateCheckBody } from '../../checks/check-input.ts';
import { createCheck } from '../../checks/create-check.ts';
import { createCheckOnce, validIdempotencyKey } from '../../checks/create-check-once.ts';
import { decide, deleteCheckData, loadCheck } from '../../checks/merchant-actions.ts';
import { simulate, type SimulateAction } from '../../checks/simulate-check.ts';
import { principalOf } from '../authenticate.ts';
import { decodeCursor, page } from '../cursor.ts';
import * as schema from '../schemas/check-schemas.ts';

interface IdParams {
  id: string;
}
interface ListQuery {
  step?: Step;
  verdict?: Verdict;
  testing?: boolean;
  created_after?: string;
  created_before?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

export function checksRoutes(s: Services) {
  /** Every read of a check's personal data, in the access log, by the key or user that made it (changes are logged in their own commit). */
  async function noteAccess(request: FastifyRequest, checks: readonly CheckRecord[], action: AccessAction): Promise<void> {
    const { account, actor } = principalOf(request);
    const ids = checks.filter((c) => c.deletedAt === null).map((c) => c.id);
    if (ids.length === 0) return;
    await s.store.driver.transaction((tx) => s.store.accessLog.record(tx, account.id, ids, actor, action, s.clock.now()));
  }

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: CreateCheckBody }>('/checks', { schema: { body: schema.createCheckBody, headers: schema.createCheckHeaders, tags: ['checks'] } }, async (request, reply) => {
      const key = validIdempotencyKey(request.headers['idempotency-key']);
      if (key !== undefined) {
        const { answer, replayed } = await createCheckOnce(s, principalOf(request), key, request.body);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(answer);
      }
      const { account, mode, actor } = principalOf(request);
      const { check, link } = await createCheck(s, account, mode === 'test', checkInput(request.body), actor);
      return reply.status(201).send({ message: 'Delivered ID check', check: { ...checkSummary(check, account), link } });
    });

    app.get<{ Querystring: ListQuery }>('/checks', { schema: { querystring: schema.listChecksQuery, tags: ['checks'] } }, async (request) => {
      const q = request.query;
      const { account, mode } = principalOf(request);
      // A key lists its own mode's checks; asking for the other mode's finds none, as for another account's.
      if (q.testing !== undefined && q.testing !== (mode === 'test')) return { checks: [], next_cursor: null };
      const rows = await s.store.checks.list(account.id, {
        ...(q.step ? { step: q.step } : {}),
        ...(q.verdict ? { verdict: q.verdict } : {}),
        testing: mode === 'test',
        ...(q.created_after ? { createdAfter: Date.parse(q.created_after) } : {}),
        ...(q.created_before ? { createdBefore: Date.parse(q.created_before) } : {}),
        ...(q.q ? { search: q.q } : {}),
        ...(q.cursor ? { cursor: decodeCursor(q.cursor)! } : {}),
        limit: q.limit + 1,
      });
      const { items, next_cursor } = page(rows, q.limit, (c) => ({ createdAt: c.createdAt, id: c.id }));
      await noteAccess(request, items, 'listed');
      return { checks: items.map((c) => checkSummary(c, account)), next_cursor };
    });

    app.get<{ Params: IdParams; Querystring: { withPhotos: boolean } }>(
      '/checks/:id',
      { schema: { params: schema.checkIdParams, querystring: schema.withPhotosQuery, tags: ['checks'] } },
      async (request) => {
        const principal = principalOf(request);
        const check = await loadCheck(s, principal, request.params.id);
        const withPhotos = request.query.withPhotos && check.deletedAt === null;
        await noteAccess(request, [check], withPhotos ? 'viewed_photos' : 'viewed');
        return { check: await checkDetail(s, check, principal.account, withPhotos) };
      },
    );

    app.delete<{ Params: IdParams }>('/checks/:id', { schema: { params: schema.checkIdParams, tags: ['checks'] } }, async (request) => {
      const principal = principalOf(request);
      const check = await loadCheck(s, principal, request.params.id);
      const deleted = await deleteCheckData(s, check, principal.actor);
      const { account } = principal;
      return { message: 'Deleted the check’s personal data and photos', check: checkSummary(deleted, account) };
    });

    for (const [path, verdict] of [['approve', 'passed'], ['reject', 'failed']] as const) {
      app.post<{ Params: IdParams; Body: { reason?: string } | undefined }>(
        `/checks/:id/${path}`,
        { schema: { params: schema.checkIdParams, body: verdict === 'failed' ? schema.rejectBody : schema.decisionBody, tags: ['checks'] } },
        async (request) => {
          const principal = principalOf(request);
          const check = await loadCheck(s, principal, request.params.id);
          const { account } = principal;
          const decided = await decide(s, check, verdict, { actor: principal.actor }, request.body?.reason);
          return { check: await checkDetail(s, decided, account, false) };
        },
      );
    }

    app.post<{ Params: IdParams; Body: SimulateAction | undefined }>(
      '/checks/:id/simulate',
      { schema: { params: schema.checkIdParams, body: schema.simulateBody, tags: ['checks'] } },
      async (request) => {
        const principal = principalOf(request);
        const check = await loadCheck(s, principal, request.params.id);
        const { account } = principal;
        return { check: await checkDetail(s, await simulate(s, check, request.body ?? { action: 'pass' }), account, false) };
      },
    );
  };
}
