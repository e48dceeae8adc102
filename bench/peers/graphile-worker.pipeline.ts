// graphile-worker as its docs recommend for a high-throughput queue: jobs added with `add_job` inside the
// producer's transaction, LISTEN/NOTIFY wake-ups (built in), `concurrentJobs` for I/O-bound tasks, and the
// batching of the "Performance" page: a local queue and batched completions/failures (delay 0).
import { Logger, run, type Task } from 'graphile-worker';
import { PEER_SECRET, createSender, peerJob, type PeerJob } from './deliver.ts';
import { appDatabase } from './pg-transaction.ts';
import type { PipelineFactory } from './pipeline.ts';

const silent = new Logger(() => () => undefined);

export const startGraphileWorker: PipelineFactory = async (env) => {
  const schema = `peers_gw_${env.tag}`;
  const sender = createSender(env.receiverUrl, env.concurrency);
  // `attempts` already counts the attempt under way.
  const deliver: Task = (payload, helpers) => sender.send(payload as PeerJob, helpers.job.attempts);
  const runner = await run({
    connectionString: env.pgUrl,
    schema,
    concurrency: env.concurrency,
    noHandleSignals: true,
    logger: silent,
    taskList: { deliver },
    preset: {
      worker: {
        // "Sensible default for local queue size: one more than concurrency"; 0 ms batches what one tick completes.
        localQueue: { size: env.concurrency + 1 },
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
  const app = appDatabase(env.pgUrl);
  return {
    secret: PEER_SECRET,
    commit: (events) =>
      app.transaction(async (client) => {
        const ids: string[] = [];
        for (const event of events) {
          const job = peerJob(event);
          ids.push(job.id);
          await client.query(`SELECT ${schema}.add_job('deliver', $1::json, max_attempts := $2)`, [JSON.stringify(job), env.maxAttempts]);
        }
        return ids;
      }),
    async close() {
      await runner.stop();
      await app.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await app.close();
      await sender.close();
    },
  };
};
