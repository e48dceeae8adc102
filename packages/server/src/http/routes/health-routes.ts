// Probes for process managers and load balancers: /livez (the process answers), /readyz (and its database
// answers, so it can serve), and /healthz, the older name for readiness. Outside /api/v1 and without a key.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../core/services.ts';

const database = { enum: ['sqlite', 'postgres'] } as const;
const readyAnswer = {
  type: 'object',
  required: ['status', 'database'],
  properties: { status: { enum: ['ok', 'unavailable'] }, database },
} as const;

export function healthRoutes(s: Services) {
  const readiness = { schema: { hide: true, response: { 200: readyAnswer, 503: readyAnswer } } };
  const ready = async (_request: unknown, reply: FastifyReply) => {
    try {
      await s.store.driver.ping();
      return { status: 'ok' as const, database: s.store.driver.dialect.name };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, database: s.store.driver.dialect.name });
    }
  };
  return async (app: FastifyInstance): Promise<void> => {
    // Liveness never touches the database: a database outage must not get a healthy process restarted.
    app.get(
      '/livez',
      { schema: { hide: true, response: { 200: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } } } } },
      async () => ({ status: 'ok' as const }),
    );
    app.get('/readyz', readiness, ready);
    app.get('/healthz', readiness, ready);
  };
}
