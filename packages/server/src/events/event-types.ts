// The public event contract: exact names, and the exact payload bytes every delivery carries.
import type { PrivacyEventType, RealIdEventType as EventType } from '@realid/webhooks';

// One list of event names for sender and receiver: the SDK's.
export { CHECK_EVENT_TYPES, PRIVACY_EVENT_TYPES, EVENT_TYPES, isEventType } from '@realid/webhooks';
export type { CheckEventType, PrivacyEventType, RealIdEventType as EventType } from '@realid/webhooks';

export type PrivacyRequestKind = 'data_request' | 'manual_review' | 'data_deletion';
export const PRIVACY_EVENT_FOR: Record<PrivacyRequestKind, PrivacyEventType> = {
  data_request: 'customer.data_request',
  manual_review: 'customer.manual_review_requested',
  data_deletion: 'customer.data_deletion_request',
};

export interface PendingEvent {
  type: EventType;
  payload: string;
  createdAt: number;
}

/** Serialised once, stored as text, and sent byte for byte on every attempt: the signature covers these bytes. */
export function buildEvent(type: EventType, check: { id: string; testing: boolean }, createdAt: number): PendingEvent {
  const created_at = new Date(createdAt).toISOString();
  const body =
    type.startsWith('check.')
      ? { event: type, created_at, check: { id: check.id, step: type.slice('check.'.length), testing: check.testing } }
      : { event: type, created_at, check: { id: check.id, testing: check.testing } };
  return { type, payload: JSON.stringify(body), createdAt };
}
