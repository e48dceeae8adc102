// Outbound webhook HTTP: SSRF-safe sending of one attempt. The worker needs only these exports.

export { sendWebhook } from './send-webhook.ts';
export type { WebhookRequest } from './send-webhook.ts';
export type { SendErrorCode, SendResult } from './send-result.ts';
export { OUTBOUND_DEFAULTS, resolveOutboundOptions, systemResolver } from './outbound-options.ts';
export type { OutboundOptions, ResolvedAddress, ResolvedOutboundOptions, Resolver } from './outbound-options.ts';
export { closeOutboundDispatchers } from './outbound-dispatcher.ts';
export { parseWebhookUrl } from './webhook-url.ts';
export { checkAddress, checkLiteralHost, resolveAndCheck } from './safe-lookup.ts';
export type { DestinationCheck } from './safe-lookup.ts';
export { classifyAddress, isAllowed } from './blocked-ranges.ts';
export type { AddressCategory, AddressClass, AddressPolicy } from './blocked-ranges.ts';
