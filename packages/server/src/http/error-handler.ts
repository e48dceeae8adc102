// The one place errors become HTTP: typed errors keep their code; framework errors get ours; the rest is a bare 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RateLimitedError, type ErrorCode, type FieldError } from '../errors/app-error.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_PROTO_VIOLATION: 'bad_request',
};

function validationFields(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const extra = (v.params as { additionalProperty?: string }).additionalProperty;
    const base = `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`;
    const field = missing ? `${base}.${missing}` : extra ? `${base}.${extra}` : base;
    return { field: field.replace(/^body\./, ''), message: extra ? 'is not a known field' : (v.message ?? 'is invalid') };
  });
}

export function toAppError(error: FastifyError): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const fields = validationFields(error);
    return new AppError('validation_failed', `Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
  }
  const code = error.code ? FRAMEWORK_CODES[error.code] : undefined;
  if (code) return new AppError(code, error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('bad_request', error.message);
  return undefined;
}

const send = (reply: FastifyReply, known: AppError) => {
  if (known instanceof RateLimitedError) reply.header('retry-after', String(known.retryAfterSeconds));
  return reply.status(known.status).send({ error: { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) } });
};

/**
 * Fastify's router answers some requests before any route or error handler runs (a path that is not valid
 * percent-encoding, a parameter past the router's length limit): those get our shape as well.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // The router answered before any hook ran, so the request id is set here.
  reply.header(REQUEST_ID_HEADER, request.id);
  // Fastify's own message repeats the path, which may hold a customer's link token.
  if (error.code === 'FST_ERR_BAD_URL') return void send(reply, new AppError('bad_request', 'The request path is not valid percent-encoded UTF-8.'));
  void send(reply, toAppError(error) ?? new AppError('bad_request', error.message));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) return send(reply, known);
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Internal server error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
