// CommonJS `require`: the root entry point and every adapter.
const { constructEvent, WebhookVerificationError } = require('@realid/webhooks');
const express = require('@realid/webhooks/express');
const fastify = require('@realid/webhooks/fastify');
const web = require('@realid/webhooks/web');

const { secret, body, headers, forged } = JSON.parse(process.env.REALID_DELIVERY);
(async () => {
  const event = await constructEvent(Buffer.from(body), headers, secret);
  const refused = await constructEvent(body, forged, secret).catch((error) => error instanceof WebhookVerificationError && error.code);
  const adapters = [typeof express.webhookHandler, typeof fastify.webhookPlugin, typeof web.verifyRequest];
  const resolved = require.resolve('@realid/webhooks');
  console.log(JSON.stringify({ event: event.event, checkId: event.check.id, refused, adapters, resolved }));
})();
