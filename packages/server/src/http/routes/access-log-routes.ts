// The access log over the API: one check's entries, and the whole log of the caller's mode for export
// (JSON pages, or CSV for a spreadsheet or an auditor). Entries hold ids and actions, never personal data.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.ts';
import { loadCheck } from '../../checks/merchant-actions.ts';
import type { AccessEntry } from '../../store/access-log-repo.ts';
import { principalOf } from '../authenticate.ts';
import { decodeCursor, page } from '../cursor.ts';
import * as schema from '../schemas/account-schemas.ts';
import type * as types from '../schemas/api-types.ts';
import { checkIdParams } from '../schemas/check-schemas.ts';
import { merchantErrors } from '../schemas/error-schemas.ts';

const entryView = (e: AccessEntry): types.AccessEntryView => ({
  id: e.id,
  check_id: e.checkId,
  actor: { type: e.actor.type, id: e.actor.id },
  action: e.action,
  created_at: new Date(e.createdAt).toISOString(),
});

/** A CSV export holds at most this many rows; narrow `since`/`until` for more. */
const CSV_MAX_ROWS = 100_000;

const csvLine = (e: AccessEntry): string => [e.createdAt, e.checkId, e.actor.type, e.actor.id, e.action].map((v, i) => (i === 0 ? new Date(v as number).toISOString() : v)).join(',');

export function accessLogRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: types.CheckIdParams }>(
      '/checks/:id/access-log',
      {
        schema: {
          summary: 'A check’s access log',
          description: 'Every read or change of the check’s personal data, with who did it. Ids only, never personal data.',
          tags: ['access log'],
          params: checkIdParams,
          response: { 200: schema.checkAccessLogAnswer, ...merchantErrors(404, 422) },
        },
      },
      async (request) => {
        const check = await loadCheck(s, principalOf(request), request.params.id);
        return { entries: (await s.store.accessLog.forCheck(check.accountId, check.id)).map(entryView) };
      },
    );

    app.get<{ Querystring: types.AccessLogQuery }>(
      '/access-log',
      {
        schema: {
          summary: 'The access log',
          description: 'The caller’s mode’s log, oldest first, in pages. `format=csv` answers `text/csv` instead (`time,check_id,actor_type,actor_id,action`, up to 100,000 rows).',
          tags: ['access log'],
          querystring: schema.accessLogQuery,
          response: { 200: schema.accessLogAnswer, ...merchantErrors(422) },
        },
        // The document also shows the CSV answer; Fastify serializes only the JSON one (the CSV is sent as text).
        config: { swaggerTransform: ({ schema: routeSchema, url }) => ({ schema: { ...routeSchema, response: { ...routeSchema?.response as object, 200: schema.accessLogAnswerOrCsv } }, url }) },
      },
      async (request, reply) => {
        const { account, mode } = principalOf(request);
        const q = request.query;
        const range = { since: q.since ? Date.parse(q.since) : 0, until: q.until ? Date.parse(q.until) : Number.MAX_SAFE_INTEGER };
        if (q.format === 'csv') {
          const rows = await s.store.accessLog.forAccount(account.id, mode === 'test', { ...range, limit: CSV_MAX_ROWS });
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="realid-access-log-${mode}.csv"`)
            .send(['time,check_id,actor_type,actor_id,action', ...rows.map(csvLine)].join('\n') + '\n');
        }
        const after = decodeCursor(q.cursor);
        const rows = await s.store.accessLog.forAccount(account.id, mode === 'test', { ...range, limit: q.limit + 1, ...(after ? { after } : {}) });
        const { items, next_cursor } = page(rows, q.limit, (e) => ({ createdAt: e.createdAt, id: e.id }));
        return { entries: items.map(entryView), next_cursor };
      },
    );
  };
}
