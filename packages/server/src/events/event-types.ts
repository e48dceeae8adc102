// The public event contract: exact names, and the exact payload bytes every delivery carries.
import type { Step } from '../checks/check-types.ts';

export const CHECK_EVENT_TYPES = [
  'check.delivered',
  'check.opened',
  'check.submitted-photo',
  'check.completed',
  'check.failed',
] as const;
export const PRIVACY_EVENT_TYPES = [
  'customer.data_request',
  'customer.manual_review_requested',
  'customer.data_deletion_request',
] as const;
export const EVENT_TYPES = [...CHECK_EVENT_TYPES, ...PRIVACY_EVENT_TYPES] as const;

export type CheckEventType = (typeof CHECK_EVENT_TYPES)[number];
export type PrivacyEventType = (typeof PRIVACY_EVENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);

export const eventTypeForStep = (step: Step): CheckEventType => `check.${step}`;

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
