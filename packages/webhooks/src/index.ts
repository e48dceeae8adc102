// @realid/webhooks: verify realid / Real ID webhook deliveries, and sign them.
export {
  constructEvent,
  verifySignature,
  verifyWebhook,
  type VerifiedWebhook,
  type VerifyOptions,
  type WebhookSignature,
} from './verify-webhook.ts';
export { signPayload, signPayloadAsync, type SignPayloadInput, type WebhookHeaders } from './sign-payload.ts';
export { generateTestHeaders, type TestDelivery, type TestHeadersOptions } from './test-headers.ts';
export { generateSecret, type SecretsInput } from './secrets.ts';
export { WebhookVerificationError, type WebhookErrorCode } from './errors.ts';
export type { HeadersInput, HeaderValue } from './read-headers.ts';
export type { RawBody } from './raw-body.ts';
export {
  CHECK_EVENT_TYPES,
  EVENT_TYPES,
  PRIVACY_EVENT_TYPES,
  isEventType,
  type CheckEvent,
  type CheckEventOf,
  type CheckEventType,
  type CheckStep,
  type PrivacyEvent,
  type PrivacyEventOf,
  type PrivacyEventType,
  type RealIdEvent,
  type RealIdEventType,
} from './event-types.ts';
export type {
  Check,
  CheckCustomer,
  CheckDetail,
  CheckDocument,
  CheckOrder,
  CheckPhotoKind,
  CheckReason,
  CheckResult,
  CheckRules,
  CheckSubCheckName,
  PlatformId,
} from './check-types.ts';
