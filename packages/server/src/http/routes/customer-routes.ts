// The customer's side, reached with the link's token alone (no API key): open, photos, status, privacy requests.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';
import { PHOTO_KINDS, type PhotoKind } from '../../checks/check-types.ts';
import { checkForToken, customerView, filePrivacyRequest, openCheck } from '../../checks/customer-actions.ts';
import { submitPhoto } from '../../checks/submit-photo.ts';
import { AppError } from '../../errors/app-error.ts';
import type { PrivacyRequestKind } from '../../events/event-types.ts';
import { checkBoundary, readingMultipart } from '../multipart-framing.ts';

const tokenParams = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const privacyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { enum: ['data_request', 'manual_review', 'data_deletion'] },
    message: { type: 'string', maxLength: 2000 },
  },
} as const;

const photoQuery = {
  type: 'object',
  properties: { kind: { enum: PHOTO_KINDS } },
} as const;

interface TokenParams {
  token: string;
}

async function readPhoto(request: FastifyRequest<{ Querystring: { kind?: PhotoKind } }>) {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the photo as multipart/form-data with a "photo" file field.');
  }
  checkBoundary(request);
  const file = await readingMultipart(() => request.file());
  if (!file) throw new AppError('validation_failed', 'No photo was sent.', [{ field: 'photo', message: 'is required' }]);
  const bytes = await readingMultipart(() => file.toBuffer());
  if (file.file.truncated) throw new AppError('payload_too_large', 'The photo is larger than this service accepts.');
  const field = file.fields.kind;
  const fromField = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
  const kind = request.query.kind ?? fromField;
  if (!PHOTO_KINDS.includes(kind as PhotoKind)) {
    throw new AppError('validation_failed', `Say which photo this is: ${PHOTO_KINDS.join(', ')}.`, [
      { field: 'kind', message: `must be one of ${PHOTO_KINDS.join(', ')} (a form field before the file, or ?kind=)` },
    ]);
  }
  return { kind: kind as PhotoKind, bytes };
}

export function customerRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: TokenParams }>('/customer/:token', { schema: { params: tokenParams, tags: ['customer'] } }, async (request) =>
      customerView(s, await checkForToken(s, request.params.token)),
    );

    app.post<{ Params: TokenParams }>('/customer/:token/open', { schema: { params: tokenParams, tags: ['customer'] } }, async (request) =>
      customerView(s, await openCheck(s, await checkForToken(s, request.params.token))),
    );

    app.post<{ Params: TokenParams; Querystring: { kind?: PhotoKind } }>(
      '/customer/:token/photos',
      { schema: { params: tokenParams, querystring: photoQuery, tags: ['customer'] } },
      async (request, reply) => {
        const check = await checkForToken(s, request.params.token);
        const upload = await readPhoto(request);
        const { check: after, photo } = await submitPhoto(s, check, upload);
        return reply.status(201).send({
          photo: { id: photo.id, kind: photo.kind, status: photo.status, reasons: photo.reasons.map((r) => ({ code: r.code, retryable: r.retryable, message: r.message })) },
          ...(await customerView(s, after)),
        });
      },
    );

    app.post<{ Params: TokenParams; Body: { kind: PrivacyRequestKind; message?: string } }>(
      '/customer/:token/privacy-requests',
      { schema: { params: tokenParams, body: privacyBody, tags: ['customer'] } },
      async (request, reply) => {
        const check = await checkForToken(s, request.params.token);
        const filed = await filePrivacyRequest(s, check, request.body.kind, request.body.message);
        return reply.status(201).send({ privacy_request: filed });
      },
    );
  };
}
