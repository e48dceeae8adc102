// `GET /events/stream`: the caller's account's events of the caller's mode as server-sent events, in the
// order they were stored, from now or from after `Last-Event-ID`. Each event's data is the exact payload a
// webhook delivery carries and its id is the delivery's `webhook-id`, so `realid listen` can forward it signed
// exactly as a delivery. Woken by commits (EventFeed), never by a timer; a comment every 15 s keeps proxies
// from closing an idle stream.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';
import { AppError } from '../../errors/app-error.ts';
import { EventFeed } from '../../events/event-feed.ts';
import { EVENT_TYPES, isEventType, type EventType } from '../../events/event-types.ts';
import type { StoredEvent } from '../../store/events-repo.ts';
import { hasWebhooks } from '../../webhooks/management/event-recipients.ts';
import { principalOf, type Principal } from '../authenticate.ts';
import { merchantErrors } from '../schemas/error-schemas.ts';

const PAGE = 200;
const KEEP_ALIVE_MS = 15_000;

interface StreamQuery {
  event_types?: string;
  last_event_id?: string;
}

const streamQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    event_types: { type: 'string', maxLength: 1000, description: `Comma-separated: ${EVENT_TYPES.join(', ')}` },
    last_event_id: { type: 'string', maxLength: 100, description: 'Resume after this event (the Last-Event-ID header wins)' },
  },
} as const;

function eventTypes(list: string | undefined): EventType[] | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  const types = list.split(',').map((t) => t.trim());
  const unknown = types.filter((t) => !isEventType(t));
  if (unknown.length) {
    throw new AppError('validation_failed', `Unknown event type ${unknown.map((t) => `"${t}"`).join(', ')}.`, [
      { field: 'event_types', message: `each must be one of ${EVENT_TYPES.join(', ')}` },
    ]);
  }
  return [...new Set(types as EventType[])];
}

/** Where to start: after the named event (of this account and mode only), or after everything settled now. */
async function startAfter(s: Services, feed: EventFeed, principal: Principal, lastEventId: string | undefined): Promise<number> {
  if (lastEventId === undefined || lastEventId === '') return feed.horizon();
  const event = /^evt_[A-Za-z0-9_-]{1,80}$/.test(lastEventId) ? await s.store.events.get(principal.account.id, lastEventId) : undefined;
  if (!event || event.testing !== (principal.mode === 'test')) {
    throw new AppError('bad_request', 'Last-Event-ID names no event of this account and mode; reconnect without it to start from now.');
  }
  return event.seq;
}

const frame = (e: StoredEvent): string => `id: ${e.id}\nevent: ${e.type}\ndata: ${e.payload}\n\n`;

function write(raw: ServerResponse, text: string): Promise<void> {
  return raw.write(text) ? Promise.resolve() : new Promise((resolve) => {
    const done = () => {
      raw.off('drain', done);
      raw.off('close', done);
      resolve();
    };
    raw.on('drain', done).on('close', done);
  });
}

export function eventsStreamRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    const feed = new EventFeed(s.store);
    const open = new Set<ServerResponse>();
    // Streams never end by themselves: end them so that closing the server does not wait for the clients.
    app.addHook('preClose', async () => {
      for (const raw of open) raw.end();
    });
    app.addHook('onClose', () => feed.close());

    app.get<{ Querystring: StreamQuery }>(
      '/events/stream',
      {
        schema: {
          summary: 'Stream events',
          description:
            'The account’s events of the key’s mode as server-sent events (`text/event-stream`), from now or from after `Last-Event-ID` (header, or `last_event_id`): each event’s `id` is its `webhook-id`, its `event` the type, its `data` the exact payload a delivery carries. `realid listen` uses it.',
          tags: ['events'],
          querystring: streamQuery,
          response: {
            200: { description: 'A stream of server-sent events that stays open.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            ...merchantErrors(403, 422),
          },
        },
      },
      async (request: FastifyRequest<{ Querystring: StreamQuery }>, reply) => {
        const principal = principalOf(request);
        if (!hasWebhooks(principal.account)) {
          // The stream is webhooks by another road: the same plan rule as the endpoints.
          throw new AppError('plan_required', 'Webhooks and the event stream are part of the Enterprise plan. Ask your realid operator to upgrade this account to use them.');
        }
        const types = eventTypes(request.query.event_types);
        const header = request.headers['last-event-id'];
        const lastEventId = (Array.isArray(header) ? header[0] : header) ?? request.query.last_event_id;
        // Subscribe before reading where to start: an event committed in between wakes the stream.
        let woken = false;
        let started = false;
        const unsubscribe = await feed.subscribe((accountId) => {
          if (accountId !== '' && accountId !== principal.account.id) return;
          woken = true;
          if (started) pump();
        });
        let cursor: number;
        try {
          cursor = await startAfter(s, feed, principal, lastEventId);
        } catch (error) {
          unsubscribe();
          throw error;
        }

        const raw = reply.raw;
        reply.hijack();
        raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
        open.add(raw);
        let closed = false;
        const keepAlive = setInterval(() => void write(raw, ': keep-alive\n\n'), KEEP_ALIVE_MS);
        raw.on('close', () => {
          closed = true;
          open.delete(raw);
          clearInterval(keepAlive);
          unsubscribe();
        });

        let reading = false;
        const pump = () => {
          if (reading || closed) return;
          reading = true;
          void (async () => {
            try {
              while (woken && !closed) {
                woken = false;
                const upTo = await feed.horizon();
                for (;;) {
                  const page = await s.store.events.listAfter({ accountId: principal.account.id, testing: principal.mode === 'test', afterSeq: cursor, upTo, types }, PAGE);
                  for (const event of page) {
                    if (closed) return;
                    await write(raw, frame(event));
                    cursor = event.seq;
                  }
                  if (page.length < PAGE) break;
                }
              }
            } catch (error) {
              request.log.error({ err: { message: (error as Error).message } }, 'the event stream could not read events; closing it (the client resumes with Last-Event-ID)');
              raw.destroy();
            } finally {
              reading = false;
            }
          })();
        };
        const ready = { account_id: principal.account.id, mode: principal.mode, event_types: types ?? EVENT_TYPES };
        await write(raw, `retry: 1000\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`);
        // Whatever was committed after `cursor` before the subscription's first wake-up.
        woken = true;
        started = true;
        pump();
      },
    );
  };
}
