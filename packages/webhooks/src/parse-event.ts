// Turns an authenticated body into a typed event, checking the shape the contract promises.
import { WebhookVerificationError } from './errors.ts';
import { CHECK_EVENT_TYPES, EVENT_TYPES, isEventType, type RealIdEvent, type RealIdEventType } from './event-types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const STEP_OF: Partial<Record<RealIdEventType, string>> = Object.fromEntries(CHECK_EVENT_TYPES.map((type) => [type, type.slice('check.'.length)]));

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
  if (typeof createdAt !== 'string') throw malformed('"created_at" is missing or not a string');
  if (!isRecord(check) || typeof check.id !== 'string' || typeof check.testing !== 'boolean') {
    throw malformed('"check" must be an object with a string "id" and a boolean "testing"');
  }
  const step = STEP_OF[event];
  if (step !== undefined && check.step !== step) throw malformed(`"check.step" must be "${step}" for ${event}`);
  return value as RealIdEvent;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(problem: string): WebhookVerificationError {
  return new WebhookVerificationError('malformed_payload', `The webhook is authentic but its payload is malformed: ${problem}.`);
}
