// Turns an authenticated body into a typed event, checking the shape the contract promises.
import { WebhookVerificationError } from './errors.ts';
import { EVENT_TYPES, isCheckEventType, isEventType, type RealIdEvent } from './event-types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBody(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  try {
    return utf8.decode(body);
  } catch {
    throw malformed('the body is not valid UTF-8');
  }
}

export function parseEvent(text: string): RealIdEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('the body is not valid JSON');
  }
  if (!isRecord(value)) throw malformed('the body must be a JSON object');
  const { event, created_at: createdAt, check } = value;
  if (typeof event !== 'string') throw malformed('"event" is missing or not a string');
  if (!isEventType(event)) {
    throw new WebhookVerificationError(
      'unknown_event',
      `Unknown event type ${JSON.stringify(event.slice(0, 80))}; this version of @realid/webhooks knows ${EVENT_TYPES.join(', ')}. ` +
        'Upgrade the package, or catch code "unknown_event" and acknowledge events you do not handle.',
    );
  }
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    throw malformed('"created_at" is missing or not an ISO 8601 date');
  }
  if (!isRecord(check) || typeof check.id !== 'string' || typeof check.testing !== 'boolean') {
    throw malformed('"check" must be an object with a string "id" and a boolean "testing"');
  }
  if (isCheckEventType(event) && check.step !== event.slice('check.'.length)) {
    throw malformed(`"check.step" must be "${event.slice('check.'.length)}" for ${event}`);
  }
  return value as RealIdEvent;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(problem: string): WebhookVerificationError {
  return new WebhookVerificationError('malformed_payload', `The webhook is authentic but its payload is malformed: ${problem}.`);
}
