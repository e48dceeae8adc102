// How every peer's worker sends one event: the headers realid sends (`signPayload` from @realid/webhooks, a
// webhook-id stable across retries, a timestamp per attempt), one undici POST, success on 2xx only. Anything
// else throws, so the queue records a failure and retries on its schedule.
import { signPayload } from '@realid/webhooks';
import { Agent, request } from 'undici';
import { buildEvent } from '../../packages/server/src/events/event-types.ts';
import { newId } from '../../packages/server/src/ids.ts';
import type { EventSpec } from './pipeline.ts';

/** The signing secret of the peers' "account" (realid uses its bench account's own). */
export const PEER_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

/** What a peer's job carries: the event id and the exact body, kept as a string so the signed bytes survive JSON storage. */
export interface PeerJob {
  id: string;
  body: string;
}

export function peerJob(event: EventSpec): PeerJob {
  return { id: newId('evt'), body: buildEvent(event.type, { id: event.checkId, testing: true }, Date.now()).payload };
}

export interface PeerSender {
  send(job: PeerJob, attempt: number): Promise<void>;
  close(): Promise<void>;
}

export function createSender(url: string, concurrency: number): PeerSender {
  // realid's limits: connect 5 s, 15 s for the answer; redirects are not followed (undici's default).
  const agent = new Agent({ connections: concurrency, connect: { timeout: 5_000 }, headersTimeout: 15_000, bodyTimeout: 15_000 });
  return {
    async send(job, attempt) {
      const headers = signPayload({ body: job.body, secrets: PEER_SECRET, id: job.id, timestamp: Math.floor(Date.now() / 1000), attempt });
      const res = await request(url, { method: 'POST', body: job.body, headers, dispatcher: agent });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`HTTP ${res.statusCode}`);
    },
    close: () => agent.close(),
  };
}
