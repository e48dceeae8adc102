// The webhooks API (Enterprise plan) as Settings › DevTools uses it.
import { del, get, patch, post, query } from '../../../lib/api.ts';

export type { Mode } from '../../../lib/mode.ts';
import type { Mode } from '../../../lib/mode.ts';

export interface Endpoint {
  id: string;
  url: string;
  mode: Mode;
  event_types: string[];
  description: string;
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: string | null;
  created_at: string;
}

export interface Message {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  check_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  payload: unknown;
  created_at: string;
}

export interface Attempt {
  attempt_no: number;
  started_at: string;
  latency_ms: number;
  status_code: number | null;
  error_code: string | null;
  error_message: string | null;
  response_excerpt: string | null;
}

export interface Secrets {
  secrets: { secret: string; created_at: string; expires_at: string | null }[];
  overlap_hours: number;
}

export interface Notice {
  id: string;
  kind: string;
  message: string;
  created_at: string;
}

export interface MessageFilters {
  endpoint_id?: string;
  status?: string;
  event_type?: string;
}

export const listEndpoints = (signal?: AbortSignal) => get<{ endpoints: Endpoint[] }>('/api/v1/webhooks/endpoints', signal ? { signal } : {});
export const createEndpoint = (input: { url: string; event_types: string[]; mode: Mode }) => post<{ endpoint: Endpoint }>('/api/v1/webhooks/endpoints', input);
export const updateEndpoint = (id: string, input: Partial<Pick<Endpoint, 'url' | 'event_types' | 'enabled' | 'description'>>) =>
  patch<{ endpoint: Endpoint }>(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}`, input);
export const deleteEndpoint = (id: string) => del(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}`);
export const sendTestEvent = (id: string, eventType: string) => post(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}/test`, { event_type: eventType });
export const recoverFailed = (id: string, since: string, dryRun: boolean) =>
  post<{ count: number }>(`/api/v1/webhooks/endpoints/${encodeURIComponent(id)}/recover`, { since, dry_run: dryRun });

export const getSecrets = (signal?: AbortSignal) => get<Secrets>('/api/v1/webhooks/secret', signal ? { signal } : {});
export const rotateSecret = () => post<{ secret: string }>('/api/v1/webhooks/secret/rotate');

export const listMessages = (filters: MessageFilters, cursor?: string, signal?: AbortSignal) =>
  get<{ messages: Message[]; next_cursor: string | null }>(`/api/v1/webhooks/messages${query({ ...filters, limit: 25, cursor })}`, signal ? { signal } : {});
export const listAttempts = (id: string) => get<{ attempts: Attempt[] }>(`/api/v1/webhooks/messages/${encodeURIComponent(id)}/attempts`);
export const resendMessage = (id: string) => post(`/api/v1/webhooks/messages/${encodeURIComponent(id)}/resend`);
export const listNotices = (signal?: AbortSignal) => get<{ entries: Notice[] }>('/api/v1/webhooks/log', signal ? { signal } : {});
