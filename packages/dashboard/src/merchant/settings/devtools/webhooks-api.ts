// The webhooks API (Enterprise plan) as Settings › DevTools uses it.
import { del, get, patch, post, query } from '../../../lib/api.ts';

export type { Mode } from '../../../lib/mode.ts';
import type { Mode } from '../../../lib/mode.ts';

// One shape for server and web app: the types derived from the API's own response schemas.
export type {
  AttemptView as Attempt,
  EndpointView as Endpoint,
  MessageView as Message,
  NoticeView as Notice,
  SecretsAnswer as Secrets,
} from '@realid/server/http/schemas/api-types.ts';
import type {
  AttemptsAnswer,
  EndpointAnswer,
  EndpointView as Endpoint,
  ListEndpointsAnswer,
  ListMessagesAnswer,
  NoticesAnswer,
  QueuedAnswer,
  RecoverAnswer,
  RotateSecretAnswer,
  SecretsAnswer,
} from '@realid/server/http/schemas/api-types.ts';

export interface MessageFilters {
  endpoint_id?: string;
  status?: string;
  event_type?: string;
}

export const listEndpoints = (signal?: AbortSignal) => get<ListEndpointsAnswer>('/api/v1/webhooks/endpoints', signal ? { signal } : {});
export const createEndpoint = (input: { url: string; event_types: string[]; mode: Mode }) => post<EndpointAnswer>('/api/v1/webhooks/endpoints', input);
export const updateEndpoint = (id: string, input: Partial<Pick<Endpoint, 'url' | 'event_types' | 'enabled' | 'description'>>) =>
  patch<EndpointAnswer>(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}`, input);
export const deleteEndpoint = (id: string) => del(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}`);
export const sendTestEvent = (id: string, eventType: string) => post<QueuedAnswer>(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}/test`, { event_type: eventType });
export const recoverFailed = (id: string, since: string, dryRun: boolean) =>
  post<RecoverAnswer>(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}/recover`, { since, dry_run: dryRun });

export const getSecrets = (signal?: AbortSignal) => get<SecretsAnswer>('/api/v1/webhooks/secret', signal ? { signal } : {});
export const rotateSecret = () => post<RotateSecretAnswer>('/api/v1/webhooks/secret/rotate');

export const listMessages = (filters: MessageFilters, cursor?: string, signal?: AbortSignal) =>
  get<ListMessagesAnswer>(`/api/v1/webhooks/messages${query({ ...filters, limit: 25, cursor })}`, signal ? { signal } : {});
export const listAttempts = (id: string) => get<AttemptsAnswer>(`/api/v1/webhooks/messages/${encodeURIComponent(id)}/attempts`);
export const resendMessage = (id: string) => post<QueuedAnswer>(`/api/v1/webhooks/messages/${encodeURIComponent(id)}/resend`);
export const listNotices = (signal?: AbortSignal) => get<NoticesAnswer>('/api/v1/webhooks/log', signal ? { signal } : {});
