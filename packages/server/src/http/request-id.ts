// Every answer carries `X-Request-Id`: the caller's own when it is a sane token (so a proxy's or a client's id
// follows the request through our logs), otherwise one made here. Fastify logs it as `reqId`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

// Visible ASCII without spaces, quotes or separators that would let a value forge log fields or headers.
const SANE = /^[A-Za-z0-9._~:@+=/-]{1,128}$/;

export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
}

export function answerWithRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
