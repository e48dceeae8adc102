// The reference: undici POSTs straight to the receiver with nothing durable in between, carrying the headers a
// delivery carries (signed once up front, a webhook-id of its own per request), as in the delivery bench.
import { signPayload } from '@realid/webhooks';
import { Agent, request } from 'undici';
import { buildEvent } from '../../packages/server/src/events/event-types.ts';
import { newId } from '../../packages/server/src/ids.ts';
import { postLoop } from '../post-loop.ts';
import { PEER_SECRET } from './deliver.ts';
import type { PipelineFactory } from './pipeline.ts';

export const startBareLoop: PipelineFactory = async (env) => {
  const body = buildEvent('check.completed', { id: '7TWFOC-auPI', testing: true }, Date.now()).payload;
  const signed = signPayload({ body, secrets: PEER_SECRET, id: 'evt_00000000000000000000', timestamp: Math.floor(Date.now() / 1000) });
  const agent = new Agent({ connections: env.concurrency });
  const inFlight = new Set<Promise<void>>();
  const post = async (id: string): Promise<void> => {
    const res = await request(env.receiverUrl, { method: 'POST', body, headers: { ...signed, 'webhook-id': id }, dispatcher: agent });
    await res.body.dump();
  };
  return {
    // Signed once for every request (a webhook-id of its own each), so no request's signature verifies: none is checked.
    secret: '',
    // Nothing to commit: each event is handed to undici at once, and its "commit" is that moment.
    async commit(events) {
      const ids = events.map(() => newId('evt'));
      for (const id of ids) {
        const sent = post(id).finally(() => inFlight.delete(sent));
        inFlight.add(sent);
      }
      return ids;
    },
    async burst(events) {
      const ids = events.map(() => newId('evt'));
      await postLoop(env.receiverUrl, ids.length, env.concurrency, body, (i) => ({ ...signed, 'webhook-id': ids[i]! }));
    },
    async close() {
      await Promise.all(inFlight);
      await agent.close();
    },
  };
};
