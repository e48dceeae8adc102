// The adapters' one mapping from a verification error to an HTTP answer, in the project's error shape.
import type { WebhookVerificationError } from '../errors.ts';

export interface ErrorResponse {
  status: number;
  body: { error: { code: string; message: string } };
}

export function errorResponse(error: WebhookVerificationError): ErrorResponse {
  // A bad secret is the receiver's own misconfiguration, not the sender's fault; every other code is a bad request.
  const status = error.code === 'invalid_secret' ? 500 : 400;
  return { status, body: { error: { code: error.code, message: error.message } } };
}
