// The eight event types realid emits and the payload each one carries.

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
export type RealIdEventType = (typeof EVENT_TYPES)[number];

/** `check.step` is the event name after `check.`: `delivered`, `opened`, `submitted-photo`, `completed`, `failed`. */
export type CheckStep = CheckEventType extends `check.${infer Step}` ? Step : never;

type StepOf<T extends CheckEventType> = T extends `check.${infer Step}` ? Step : never;

export type CheckEventOf<T extends CheckEventType> = {
  event: T;
  /** ISO 8601 time the event happened (not the delivery attempt). */
  created_at: string;
  check: { id: string; step: StepOf<T>; testing: boolean };
};

export type PrivacyEventOf<T extends PrivacyEventType> = {
  event: T;
  created_at: string;
  check: { id: string; testing: boolean };
};

export type CheckEvent = { [T in CheckEventType]: CheckEventOf<T> }[CheckEventType];
export type PrivacyEvent = { [T in PrivacyEventType]: PrivacyEventOf<T> }[PrivacyEventType];

/** Discriminated on `event`: `switch (e.event)` narrows `e.check.step` too. */
export type RealIdEvent = CheckEvent | PrivacyEvent;

const eventTypes: ReadonlySet<string> = new Set(EVENT_TYPES);

export function isEventType(value: string): value is RealIdEventType {
  return eventTypes.has(value);
}
