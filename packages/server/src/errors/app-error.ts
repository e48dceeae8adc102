// Typed errors with stable string codes; the HTTP edge maps them to statuses once (http/error-handler.ts).

export type ErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'plan_required'
  | 'not_found'
  | 'check_deleted'
  | 'invalid_transition'
  | 'conflict'
  | 'rate_limited'
  | 'link_expired'
  | 'photo_rejected'
  | 'too_many_photos'
  | 'blocked_address'
  | 'invalid_url'
  | 'csrf_failed'
  | 'test_mode_only'
  | 'idempotency_key_reused';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  bad_request: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  plan_required: 403,
  not_found: 404,
  check_deleted: 410,
  invalid_transition: 409,
  conflict: 409,
  rate_limited: 429,
  link_expired: 410,
  photo_rejected: 422,
  too_many_photos: 409,
  blocked_address: 422,
  invalid_url: 422,
  csrf_failed: 403,
  test_mode_only: 403,
  idempotency_key_reused: 422,
};

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
    this.fields = fields;
  }
}

/** `429 rate_limited`, answered with `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
