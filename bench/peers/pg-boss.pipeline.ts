// pg-boss as its docs recommend: `send()` inside the producer's transaction through the `db` option, a
// queue with retries, polling workers at the shortest interval (0.5 s) fetching batches (`batchSize`), and
// `notifyWorker()` after each commit so a worker in this process skips the rest of its polling wait.
import PgBoss from 'pg-boss';
import { PEER_SECRET, createSender, peerJob, type PeerJob } from './deliver.ts';
import { appDatabase } from './pg-transaction.ts';
import type { PipelineFactory } from './pipeline.ts';

const QUEUE = 'webhooks';
/** Two pollers, so one fetches while the other's batch is in flight; each sends its batch half the concurrency at a time. */
const WORKERS = 2;
/** A worker waits out the polling interval after each batch unless notified: the batch bounds the rate between notifications. */
const BATCH = 500;

export const startPgBoss: PipelineFactory = async (env) => {
  const schema = `peers_pgboss_${env.tag}`;
  const sender = createSender(env.receiverUrl, env.concurrency);
  const boss = new PgBoss({ connectionString: env.pgUrl, schema });
  boss.on('error', (error: Error) => console.error('pg-boss:', error.message));
  await boss.start();
  // Whole seconds only: the nearest pg-boss can come to the schedule the other queues are given.
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: env.maxAttempts - 1, retryDelay: Math.max(1, Math.round(env.retryDelayMs / 1000)), retryBackoff: false });
  const perWorker = Math.max(1, Math.floor(env.concurrency / WORKERS));
  const workers: string[] = [];
  for (let i = 0; i < WORKERS; i++) {
    workers.push(
      await boss.work<PeerJob>(QUEUE, { batchSize: BATCH, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        // A batch completes or fails as a whole when the handler resolves or throws, so failures are reported
        // per job with fail() and the handler resolves: complete() then touches only the jobs still active.
        const failed: string[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(perWorker, jobs.length) }, async () => {
            while (next < jobs.length) {
              const job = jobs[next++]!;
              await sender.send(job.data, job.retryCount + 1).catch(() => failed.push(job.id));
            }
          }),
        );
        if (failed.length) await boss.fail(QUEUE, failed);
      }),
    );
  }
  const app = appDatabase(env.pgUrl);
  return {
    secret: PEER_SECRET,
    async commit(events) {
      const ids = await app.transaction(async (client) => {
        const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
        const out: string[] = [];
        for (const event of events) {
          const job = peerJob(event);
          out.push(job.id);
          await boss.send(QUEUE, job, { db });
        }
        return out;
      });
      for (const id of workers) boss.notifyWorker(id);
      return ids;
    },
    async close() {
      await boss.stop({ graceful: true, wait: true });
      await app.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await app.close();
      await sender.close();
    },
  };
};
