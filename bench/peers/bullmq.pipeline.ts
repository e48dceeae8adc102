// BullMQ as its docs recommend: `addBulk` (atomic) for a batch of events and `add` for one, `attempts` with a
// fixed backoff, a Worker with `concurrency` for I/O-bound jobs (it blocks on Redis for new jobs, no polling),
// completed jobs removed (auto-removal), ioredis connections with `maxRetriesPerRequest: null`.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PEER_SECRET, createSender, peerJob, type PeerJob } from './deliver.ts';
import type { PipelineFactory } from './pipeline.ts';

const QUEUE = 'webhooks';

export const startBullMQ: PipelineFactory = async (env) => {
  const prefix = `peers-bullmq-${env.tag}`;
  const sender = createSender(env.receiverUrl, env.concurrency);
  const producerConnection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<PeerJob>(QUEUE, {
    connection: producerConnection,
    prefix,
    defaultJobOptions: {
      attempts: env.maxAttempts,
      backoff: { type: 'fixed', delay: env.retryDelayMs },
      removeOnComplete: true,
      removeOnFail: 1000,
    },
  });
  // `attemptsMade` counts the attempts that finished before this one.
  const worker = new Worker<PeerJob>(QUEUE, (job) => sender.send(job.data, job.attemptsMade + 1), { connection: workerConnection, prefix, concurrency: env.concurrency });
  worker.on('error', (error) => console.error('bullmq:', error.message));
  await worker.waitUntilReady();
  return {
    secret: PEER_SECRET,
    async commit(events) {
      const jobs = events.map(peerJob);
      if (jobs.length === 1) await queue.add('deliver', jobs[0]!);
      else await queue.addBulk(jobs.map((data) => ({ name: 'deliver', data })));
      return jobs.map((job) => job.id);
    },
    async close() {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      // obliterate() leaves the queue's meta and event keys: the run's prefix goes altogether.
      const keys = await producerConnection.keys(`${prefix}:*`);
      if (keys.length) await producerConnection.del(...keys);
      await Promise.all([producerConnection.quit(), workerConnection.quit()]);
      await sender.close();
    },
  };
};
