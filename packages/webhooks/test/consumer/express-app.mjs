// A real Express app with the adapter, on a loopback port: prints its URL, then serves until stopped.
import express from 'express';
import { webhookHandler } from '@realid/webhooks/express';

const { secret } = JSON.parse(process.env.REALID_DELIVERY);
const app = express();
app.post(
  '/webhooks/realid',
  webhookHandler(secret, ({ event, id }, _req, res) => {
    res.json({ received: event.event, checkId: event.check.id, id });
  }),
);
const server = app.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })));
process.on('SIGTERM', () => server.close());
