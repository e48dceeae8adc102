// Times every answer by method, route pattern (`/api/v1/checks/:id`, never the path itself: ids and customer
// tokens stay out of labels) and status code.
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/metrics.ts';

export function measureRequests(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequestSeconds.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
