// The one error class the verifier throws; `code` is stable and safe to branch on, `message` explains the fix.

export type WebhookErrorCode =
  | 'missing_signature'
  | 'invalid_signature'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'body_not_raw'
  | 'malformed_payload'
  | 'unknown_event'
  | 'invalid_secret';

export class WebhookVerificationError extends Error {
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }
}
