// A webhook receiver in plain JavaScript: verifies each delivery with @realid/webhooks and prints it.
// REALID_WEBHOOK_SECRET=whsec_… node examples/receiver.mjs   (listens on http://localhost:3000/hooks)
import { createServer } from 'node:http';
import { constructEvent } from '@realid/webhooks';

const secret = process.env.REALID_WEBHOOK_SECRET;
if (!secret) throw new Error('Set REALID_WEBHOOK_SECRET to the whsec_… secret that signs the deliveries.');

createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  try {
    // The raw bytes as received: the signature covers them, not re-serialised JSON.
    const event = await constructEvent(Buffer.concat(chunks), request.headers, secret);
    console.log(`${event.event} ${event.check.id} (verified)`);
    response.writeHead(204).end();
  } catch (error) {
    console.log(`refused a delivery: ${error.code}`);
    response.writeHead(400).end();
  }
}).listen(3000, () => console.log('Receiving webhooks on http://localhost:3000/hooks'));
