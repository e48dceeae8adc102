// The webhooks API's answers: stored endpoints, messages, attempts and notices as the API shows them, typed by
// their response schemas (`schemas/webhook-schemas.ts`).
import type { EventType } from '../../events/event-types.ts';
import type { AccountLogEntry } from '../../store/accounts-repo.ts';
import type { AttemptRecord, MessageRow } from '../../store/deliveries-repo.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';
import type * as types from '../schemas/api-types.ts';
import { iso, isoTime } from '../../core/iso-time.ts';


export const endpointView = (e: Endpoint): types.EndpointView => ({
  id: e.id,
  url: e.url,
  mode: e.mode,
  event_types: e.eventTypes,
  description: e.description,
  enabled: e.enabled,
  disabled_reason: e.disabledReason,
  failing_since: iso(e.failingSince),
  created_at: isoTime(e.createdAt),
  updated_at: isoTime(e.updatedAt),
});

export const messageView = (m: MessageRow): types.MessageView => ({
  id: m.id,
  endpoint_id: m.endpointId,
  event_id: m.eventId,
  event_type: m.eventType as EventType,
  check_id: m.checkId,
  status: m.status,
  attempts: m.attempts,
  next_attempt_at: iso(m.nextAttemptAt),
  last_status_code: m.lastStatusCode,
  last_error: m.lastError,
  payload: JSON.parse(m.payload) as Record<string, unknown>,
  created_at: isoTime(m.createdAt),
  finished_at: iso(m.finishedAt),
});

export const attemptView = (a: AttemptRecord): types.AttemptView => ({
  id: a.id,
  attempt_no: a.attemptNo,
  started_at: isoTime(a.startedAt),
  latency_ms: a.latencyMs,
  status_code: a.statusCode,
  error_code: a.errorCode,
  error_message: a.errorMessage,
  response_excerpt: a.responseExcerpt,
});

export const noticeView = (e: AccountLogEntry): types.NoticeView => ({
  id: e.id,
  kind: e.kind,
  message: e.message,
  data: e.data,
  created_at: isoTime(e.createdAt),
});
