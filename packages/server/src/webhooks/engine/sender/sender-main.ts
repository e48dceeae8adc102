// The sender thread: signs and POSTs what the delivery worker hands over, and answers with the results, both
// ways in batches (one message per turn of the event loop, not one per attempt).
import { parentPort } from 'node:worker_threads';
import { signAndSend, type SendJob } from './send-job.ts';
import type { SenderReply } from './sender-thread.ts';

const port = parentPort!;
let replies: SenderReply[] = [];

function reply(entry: SenderReply): void {
  if (replies.length === 0) setImmediate(flush);
  replies.push(entry);
}

function flush(): void {
  const batch = replies;
  replies = [];
  port.postMessage(batch);
}

port.on('message', (jobs: (SendJob & { key: number })[]) => {
  for (const { key, ...job } of jobs) {
    signAndSend(job).then(
      (result) => reply({ key, result }),
      (error: unknown) => reply({ key, error: error instanceof Error ? error.message : String(error) }),
    );
  }
});

port.postMessage('ready');
