// realid itself, as the delivery bench runs it: the real store (SQLite, or PostgreSQL when BENCH_DATABASE_URL
// is set), the outbox (`events.append` in the producer's transaction) and the real DeliveryWorker, with the
// engine's defaults except the retry schedule, which every queue in this bench shares.
import { buildEvent } from '../../packages/server/src/events/event-types.ts';
import { DeliveryWorker } from '../../packages/server/src/webhooks/engine/delivery-worker.ts';
import { closeOutboundDispatchers } from '../../packages/server/src/webhooks/engine/outbound/index.ts';
import { startBenchService } from '../bench-service.ts';
import type { EventSpec, PipelineFactory } from './pipeline.ts';

export const startRealid: PipelineFactory = async (env) => {
  const b = await startBenchService((c) => {
    c.webhooks.retrySchedule = Array.from({ length: env.maxAttempts - 1 }, () => env.retryDelayMs);
  });
  await b.addEndpoint(env.receiverUrl);
  const worker = new DeliveryWorker(b.s);
  await worker.start();
  return {
    secret: b.testSecret,
    commit: (events) =>
      b.s.store.driver.transaction(async (tx) => {
        const ids: string[] = [];
        for (const [checkId, types] of byCheck(events)) {
          const check = { id: checkId, accountId: b.accountId, testing: true };
          const stored = await b.s.store.events.append(tx, check, types.map((type) => buildEvent(type, check, Date.now())));
          ids.push(...stored.map((event) => event.id));
        }
        return ids;
      }),
    async close() {
      await worker.stop();
      await b.close();
      await closeOutboundDispatchers();
    },
  };
};

/** A check's events go in one `append`, in order (the bench commits a check's events together). */
function byCheck(events: readonly EventSpec[]): Map<string, EventSpec['type'][]> {
  const groups = new Map<string, EventSpec['type'][]>();
  for (const event of events) {
    const types = groups.get(event.checkId);
    if (types) types.push(event.type);
    else groups.set(event.checkId, [event.type]);
  }
  return groups;
}
