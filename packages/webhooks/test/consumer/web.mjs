// The Fetch-API adapter with the runtime's own Request and Response (Next.js, Hono, Workers, Deno, Bun).
import { webhookHandler } from '@realid/webhooks/web';

const { secret, body, headers, forged } = JSON.parse(process.env.REALID_DELIVERY);
const handle = webhookHandler(secret, ({ event, id }) => Response.json({ received: event.event, id }));
const request = (h) => new Request('https://shop.example/webhooks/realid', { method: 'POST', body, headers: h });
const accepted = await handle(request(headers));
const refused = await handle(request(forged));
console.log(JSON.stringify({
  accepted: { status: accepted.status, body: await accepted.json() },
  refused: { status: refused.status, body: await refused.json() },
}));
