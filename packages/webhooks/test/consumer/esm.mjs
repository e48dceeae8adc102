// Plain ES modules: the root entry point.
import { constructEvent, EVENT_TYPES, WebhookVerificationError } from '@realid/webhooks';

const { secret, body, headers, forged } = JSON.parse(process.env.REALID_DELIVERY);
const event = await constructEvent(body, headers, secret);
const refused = await constructEvent(body, forged, secret).catch((error) => error instanceof WebhookVerificationError && error.code);
const resolved = import.meta.resolve('@realid/webhooks');
console.log(JSON.stringify({ event: event.event, checkId: event.check.id, refused, eventTypes: EVENT_TYPES.length, resolved }));
