// The API's request and answer types, derived from the JSON Schemas that validate and serialize them, so the
// types cannot say one thing while the wire says another. The web app imports its API types from here.
import type { FromSchema } from 'json-schema-to-ts';
import type * as account from './account-schemas.ts';
import type * as checks from './check-schemas.ts';
import type * as objects from './check-object-schemas.ts';
import type * as customer from './customer-schemas.ts';
import type * as errors from './error-schemas.ts';
import type * as webhooks from './webhook-schemas.ts';

export type ApiError = FromSchema<typeof errors.errorSchema>;

export type CreateCheckBody = FromSchema<typeof checks.createCheckBody>;
export type ListChecksQuery = FromSchema<typeof checks.listChecksQuery>;
export type SimulateBody = FromSchema<typeof checks.simulateBody>;
export type TriggerBody = FromSchema<typeof checks.triggerBody>;
export type TriggerAnswer = FromSchema<typeof checks.triggerAnswer>;
export type CheckIdParams = FromSchema<typeof checks.checkIdParams>;
export type WithPhotosQuery = FromSchema<typeof checks.withPhotosQuery>;
export type DecisionBody = FromSchema<typeof checks.decisionBody>;
export type CheckView = FromSchema<typeof objects.checkSchema>;
export type CreatedCheckView = FromSchema<typeof objects.createdCheckSchema>;
export type CheckDetailView = FromSchema<typeof objects.checkDetailSchema>;
export type CreateCheckAnswer = FromSchema<typeof checks.createCheckAnswer>;
export type ListChecksAnswer = FromSchema<typeof checks.listChecksAnswer>;
export type CheckDetailAnswer = FromSchema<typeof checks.checkDetailAnswer>;
export type DeleteCheckAnswer = FromSchema<typeof checks.deleteCheckAnswer>;

export type IdParams = FromSchema<typeof webhooks.idParams>;
export type CreateEndpointBody = FromSchema<typeof webhooks.createEndpointBody>;
export type UpdateEndpointBody = FromSchema<typeof webhooks.updateEndpointBody>;
export type ListMessagesQuery = FromSchema<typeof webhooks.listMessagesQuery>;
export type TestEventBody = FromSchema<typeof webhooks.testEventBody>;
export type RecoverBody = FromSchema<typeof webhooks.recoverBody>;
export type EndpointView = FromSchema<typeof webhooks.endpointSchema>;
export type MessageView = FromSchema<typeof webhooks.messageSchema>;
export type AttemptView = FromSchema<typeof webhooks.attemptsAnswer>['attempts'][number];
export type SecretsAnswer = FromSchema<typeof webhooks.secretsAnswer>;
export type RotateSecretAnswer = FromSchema<typeof webhooks.rotateSecretAnswer>;
export type NoticeView = FromSchema<typeof webhooks.noticesAnswer>['entries'][number];
export type RecoverAnswer = FromSchema<typeof webhooks.recoverAnswer>;
export type ListEndpointsAnswer = FromSchema<typeof webhooks.listEndpointsAnswer>;
export type EndpointAnswer = FromSchema<typeof webhooks.endpointAnswer>;
export type DeleteEndpointAnswer = FromSchema<typeof webhooks.deleteEndpointAnswer>;
export type QueuedAnswer = FromSchema<typeof webhooks.queuedAnswer>;
export type ListMessagesAnswer = FromSchema<typeof webhooks.listMessagesAnswer>;
export type MessageAnswer = FromSchema<typeof webhooks.messageAnswer>;
export type AttemptsAnswer = FromSchema<typeof webhooks.attemptsAnswer>;
export type NoticesAnswer = FromSchema<typeof webhooks.noticesAnswer>;

export type TokenParams = FromSchema<typeof customer.tokenParams>;
export type CustomerCheckView = FromSchema<typeof customer.customerCheckSchema>;
export type CustomerCheckAnswer = FromSchema<typeof customer.customerCheckAnswer>;
export type PhotoAnswer = FromSchema<typeof customer.photoAnswer>;
export type PrivacyRequestAnswer = FromSchema<typeof customer.privacyRequestAnswer>;
export type PrivacyRequestBody = FromSchema<typeof customer.privacyBody>;

export type AccountAnswer = FromSchema<typeof account.accountAnswer>;
export type PatchAccountBody = FromSchema<typeof account.patchAccountBody>;
export type CreateKeyBody = FromSchema<typeof account.createKeyBody>;
export type ApiKeyView = FromSchema<typeof account.listKeysAnswer>['api_keys'][number];
export type ListKeysAnswer = FromSchema<typeof account.listKeysAnswer>;
export type CreatedKeyAnswer = FromSchema<typeof account.createdKeyAnswer>;
export type AccessEntryView = FromSchema<typeof account.checkAccessLogAnswer>['entries'][number];
export type AccessLogQuery = FromSchema<typeof account.accessLogQuery>;
