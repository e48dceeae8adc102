// The customer's side, reached with the link's token alone (no API key): open, photos, status, privacy requests.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../core/services.ts';
import { PHOTO_KINDS, type PhotoKind } from '../../checks/check-types.ts';
import { checkForToken, customerView, filePrivacyRequest, openCheck } from '../../checks/customer-actions.ts';
import { submitPhoto } from '../../checks/submit-photo.ts';
import { AppError } from '../../errors/app-error.ts';
import { checkBoundary, readingMultipart } from '../multipart-framing.ts';
import type * as types from '../schemas/api-types.ts';
import { errorResponses } from '../schemas/error-schemas.ts';
import * as schema from '../schemas/customer-schemas.ts';

/** The link's token is the customer's only credential: no API key, no session. */
const customerRoute = <T extends { response: Record<string, unknown> }>(summary: string, description: string, parts: T) => ({
  summary,
  description,
  tags: ['customer'],
  security: [],
  params: schema.tokenParams,
  ...parts,
  response: { ...errorResponses(400, 404, 410, 422), ...parts.response },
});

type TokenParams = types.TokenParams;

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
    app.get<{ Params: TokenParams; Reply: types.CustomerCheckAnswer }>(
      '/customer/:token',
      {
        schema: customerRoute('Where the customer stands', 'Progress and what to do next; never reason codes or rules.', {
          response: { 200: schema.customerCheckAnswer },
        }),
      },
      async (request) => customerView(s, await checkForToken(s, request.params.token)),
    );

    app.post<{ Params: TokenParams; Reply: types.CustomerCheckAnswer }>(
      '/customer/:token/open',
      {
        schema: customerRoute('Open the check', 'The first open moves the check to `opened` (`check.opened`); later opens change nothing.', {
          response: { 200: schema.customerCheckAnswer },
        }),
      },
      async (request) => customerView(s, await openCheck(s, await checkForToken(s, request.params.token))),
    );

    app.post<{ Params: TokenParams; Querystring: { kind?: PhotoKind }; Reply: types.PhotoAnswer }>(
      '/customer/:token/photos',
      {
        schema: customerRoute(
          'Send a photo',
          'multipart/form-data: a `kind` field (or `?kind=`) then the `photo` file. JPEG, PNG, WebP or HEIC, recognised by content; the signature is a PNG. Each accepted photo emits `check.submitted-photo`.',
          { querystring: schema.photoQuery, response: { 201: schema.photoAnswer, ...errorResponses(409, 413, 415) } },
        ),
        // Documents the multipart form without making Fastify validate a body it never parses.
        config: { swaggerTransform: ({ schema: routeSchema, url }) => ({ schema: { ...routeSchema, consumes: ['multipart/form-data'], body: schema.photoUploadForm }, url }) },
      },
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

    app.post<{ Params: TokenParams; Body: types.PrivacyRequestBody; Reply: types.PrivacyRequestAnswer }>(
      '/customer/:token/privacy-requests',
      {
        schema: customerRoute(
          'Ask the merchant about one’s data',
          '`data_request`, `manual_review` or `data_deletion`: emits `customer.data_request`, `customer.manual_review_requested` or `customer.data_deletion_request`.',
          { body: schema.privacyBody, response: { 201: schema.privacyRequestAnswer } },
        ),
      },
      async (request, reply) => {
        const check = await checkForToken(s, request.params.token);
        const filed = await filePrivacyRequest(s, check, request.body.kind, request.body.message);
        return reply.status(201).send({ privacy_request: filed });
      },
    );
  };
}
